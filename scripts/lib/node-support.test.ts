import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

type Lock = { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as Lock;

/** The oldest release of each Node.js major the project supports (package.json "engines"). */
const supported = ['20.19.0', '22.13.0'];

describe('supported Node.js versions', () => {
  it('package.json promises exactly the tested majors', () => {
    for (const version of supported) expect(semver.satisfies(version, pkg.engines.node), version).toBe(true);
    expect(semver.satisfies('18.20.0', pkg.engines.node)).toBe(false);
  });

  it('no installed package refuses a supported Node.js (a fresh install prints no EBADENGINE)', () => {
    const refusals: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      // Optional packages are platform builds (win32, wasm…) that npm skips where they do not apply.
      if (!where || !range || entry.optional) continue;
      for (const version of supported) if (!semver.satisfies(version, range)) refusals.push(`${where} needs node ${range}, not ${version}`);
    }
    expect(refusals).toEqual([]);
  });
});
