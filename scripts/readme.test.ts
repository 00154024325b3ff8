import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const readme = read('README.md');
const intro = readme.slice(0, readme.indexOf('## How it fits together'));

describe('README: what a new user reads first', () => {
  it('installs a checked-out repository with npm ci, in the first command', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(intro)?.[1] ?? '';
    expect(firstBlock.split('\n')[0]).toMatch(/^npm ci && npm run dev/);
    expect(firstBlock).toMatch(/^npm test/m);
  });

  it('says up front that the full test run needs root, chromium and frr, which .ci/run installs', () => {
    expect(intro).toMatch(/\*\*root\*\*/);
    expect(intro).toMatch(/apt-get install -y chromium/);
    expect(intro).toMatch(/install -y frr/);
    const ci = read('.ci/run');
    expect(ci).toMatch(/missing\+=\(chromium\)/);
    expect(ci).toMatch(/missing\+=\(frr\)/);
    expect(ci).toMatch(/^npm test$/m);
  });

  it('states the supported Node.js majors that package.json declares', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('^20.19.0 || ^22.13.0');
    expect(intro).toContain('Node.js 20 (20.19 or later) or 22 (22.13 or later)');
  });
});
