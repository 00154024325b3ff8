import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { welcomeText } from './welcome';

describe('the dev welcome', () => {
  const text = welcomeText({ appPort: 3100, sandboxPort: 4777, users: [{ email: 'a@b.example', does: 'Owner' }], password: 'pw' });

  it('names both loopback addresses of the app, which next.config.ts allows in dev', () => {
    expect(text).toContain('http://localhost:3100');
    expect(text).toContain('http://127.0.0.1:3100');
  });

  it('uses the configured sandbox port in the copy-paste curl line', () => {
    expect(text).toContain('curl -X POST http://127.0.0.1:4777/_sandbox/virtual-interfaces/');
    expect(text).not.toContain('4566');
  });

  it('README curl lines follow SANDBOX_PORT instead of a fixed port', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const curls = readme.split('\n').filter((line) => line.includes('curl ') && line.includes('_sandbox'));
    expect(curls.length).toBeGreaterThan(0);
    for (const line of curls) expect(line).toContain('${SANDBOX_PORT:-4566}');
  });
});
