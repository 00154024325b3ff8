import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader } from '../domain/webhooks';
import { receiverSnippet } from './receiver-snippet';

type Verify = (header: string, body: string, secret: string, toleranceSeconds?: number) => boolean;

describe('the receiver snippet shown to customers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dx-snippet-'));
  let verify: Verify;
  beforeAll(async () => {
    const file = join(dir, 'verify.mjs');
    writeFileSync(file, receiverSnippet);
    ({ verify } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { verify: Verify });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const secret = 'whsec_snippet-test';
  const body = JSON.stringify({ id: 'evt_1', type: 'connection.approved' });
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts what the worker signs', () => {
    expect(verify(signatureHeader(secret, body, now()), body, secret)).toBe(true);
  });
  it('refuses another secret, a changed body, a stale timestamp and garbage', () => {
    expect(verify(signatureHeader('whsec_other', body, now()), body, secret)).toBe(false);
    expect(verify(signatureHeader(secret, body, now()), `${body} `, secret)).toBe(false);
    expect(verify(signatureHeader(secret, body, now() - 301), body, secret)).toBe(false);
    expect(verify('t=abc,v1=zz', body, secret)).toBe(false);
    expect(verify('', body, secret)).toBe(false);
  });

  it('is the code the README shows', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const indented = receiverSnippet.trimEnd().split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
    expect(readme).toContain(`  \`\`\`js\n${indented}\n  \`\`\``);
  });
});
