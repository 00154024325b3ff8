import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderRouterBundle } from '@/lib/domain/router-bundle/render';
import { routerBundleInputSchema } from '@/lib/domain/router-bundle/schema';
import { createTarGz } from './archive';

const repo = resolve(__dirname, '../..');
const examples = ['router-bundle.ipv4.json', 'router-bundle.ipv6.json'].map((f) => join(repo, 'scripts/examples', f));
const dir = mkdtempSync(join(tmpdir(), 'dx-cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], stdin?: string) {
  const r = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/router-bundle.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    input: stdin,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/examples', () => {
  it.each(examples)('%s is valid input', (file) => {
    const parsed = routerBundleInputSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  });
});

// Each case starts tsx (about a second), so allow for a loaded machine.
describe('npm run router-bundle', { timeout: 60_000 }, () => {
  it('prints help', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run router-bundle -- --input PARAMS.json');
  });

  it('writes the files with their modes, and the same archive the library builds', () => {
    const out = join(dir, 'out');
    const archive = join(dir, 'bundle.tar.gz');
    const r = cli(['--input', examples[0] ?? '', '--out', out, '--archive', archive]);
    expect(r.status, r.stderr).toBe(0);
    const bundle = renderRouterBundle(JSON.parse(readFileSync(examples[0] ?? '', 'utf8')));
    for (const f of bundle.files) {
      expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
      expect(statSync(join(out, f.path)).mode & 0o777).toBe(f.mode);
    }
    expect(readFileSync(archive).equals(createTarGz(bundle.files))).toBe(true);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
  });

  it('lists every problem with its path and exits 2', () => {
    const input = JSON.parse(readFileSync(examples[0] ?? '', 'utf8')) as { vif: Record<string, unknown>; router: Record<string, unknown> };
    input.vif.vlan = 4095;
    input.router.backendNetworks = ['10.20.0.1/24'];
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(input));
    const r = cli(['--input', file, '--out', join(dir, 'never')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('has 2 problem(s)');
    expect(r.stderr).toContain('  vif.vlan: VLAN must be from 1 to 4094 (802.1Q reserves 4095)');
    expect(r.stderr).toContain('  router.backendNetworks[0]: 10.20.0.1/24 has host bits set; did you mean 10.20.0.0/24?');
    expect(() => statSync(join(dir, 'never'))).toThrow();
  });

  it('reads standard input and refuses bad JSON and bad arguments with exit 2', () => {
    expect(cli(['--input', '-', '--out', join(dir, 'x')], '{not json').status).toBe(2);
    expect(cli(['--input', examples[0] ?? '']).status).toBe(2);
    expect(cli(['--bogus']).status).toBe(2);
    expect(cli(['--input', join(dir, 'missing.json'), '--out', join(dir, 'x')]).status).toBe(1);
  });
});
