import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isNonPublicAddress, maxAttempts, nextAttemptDelay, retryDelaysSeconds, signatureHeader, verifySignature, webhookUrlProblem } from './webhooks';

const secret = 'whsec_test_0123456789';
const body = JSON.stringify({ id: 'evt_1', type: 'connection.available' });

describe('webhook signatures', () => {
  it('signs the timestamp together with the body, as a receiver recomputes it', () => {
    const header = signatureHeader(secret, body, 1_765_000_000);
    const mac = createHmac('sha256', secret).update(`1765000000.${body}`).digest('hex');
    expect(header).toBe(`t=1765000000,v1=${mac}`);
    expect(verifySignature(secret, body, header, 1_765_000_100)).toEqual({ ok: true, timestamp: 1_765_000_000 });
  });

  it('rejects a changed body, a wrong secret and a moved timestamp', () => {
    const header = signatureHeader(secret, body, 1_765_000_000);
    expect(verifySignature(secret, body.replace('available', 'deleted'), header, 1_765_000_000)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature('other-secret', body, header, 1_765_000_000)).toEqual({ ok: false, reason: 'mismatch' });
    const moved = header.replace('t=1765000000', 't=1765000600');
    expect(verifySignature(secret, body, moved, 1_765_000_600)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects a replay older than the tolerance', () => {
    const header = signatureHeader(secret, body, 1_765_000_000);
    expect(verifySignature(secret, body, header, 1_765_000_300).ok).toBe(true);
    expect(verifySignature(secret, body, header, 1_765_000_301)).toEqual({ ok: false, reason: 'stale' });
  });

  it('calls malformed headers malformed instead of throwing', () => {
    for (const header of ['', 'v1=abc', 't=x,v1=' + 'a'.repeat(64), 't=1,v1=' + 'a'.repeat(63), 't=1,v1=' + 'Z'.repeat(64)]) {
      expect(verifySignature(secret, body, header, 1)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});

describe('webhook retry schedule', () => {
  it('keeps retrying for at least 24 hours with growing delays, then stops', () => {
    const total = retryDelaysSeconds.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3600);
    for (let i = 1; i < retryDelaysSeconds.length; i++) expect(retryDelaysSeconds[i]!).toBeGreaterThan(retryDelaysSeconds[i - 1]!);
    expect(nextAttemptDelay(1)).toBe(30);
    expect(nextAttemptDelay(maxAttempts - 1)).toBe(retryDelaysSeconds.at(-1));
    expect(nextAttemptDelay(maxAttempts)).toBeNull();
    expect(nextAttemptDelay(0)).toBeNull();
  });
});

describe('webhook URL rules (SSRF)', () => {
  const production = { allowPrivate: false, allowHttp: false };
  const sandbox = { allowPrivate: true, allowHttp: true };

  it('treats loopback, link-local (metadata service), private and mapped addresses as non-public', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', 'not-an-ip']) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
    for (const a of ['52.94.236.248', '8.8.8.8', '2600:1f18::1', '::ffff:52.94.236.248']) expect(isNonPublicAddress(a), a).toBe(false);
  });

  it('refuses private targets and plain http in production with a specific message', () => {
    expect(webhookUrlProblem('https://127.0.0.1/hook', production)).toMatch(/loopback, link-local or private/);
    expect(webhookUrlProblem('https://[::1]/hook', production)).toMatch(/loopback, link-local or private/);
    expect(webhookUrlProblem('https://169.254.169.254/latest/meta-data', production)).toMatch(/private/);
    expect(webhookUrlProblem('https://localhost:8443/hook', production)).toMatch(/not reachable from the internet/);
    expect(webhookUrlProblem('http://hooks.example.com/dx', production)).toBe('Webhook URLs must use https://.');
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/dx', production)).toMatch(/no user name or password/);
    expect(webhookUrlProblem('hooks.example.com', production)).toMatch(/full URL/);
    expect(webhookUrlProblem('https://hooks.example.com/dx-portal', production)).toBeNull();
  });

  it('allows a loopback receiver only in sandbox mode', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9911/hook', sandbox)).toBeNull();
    expect(webhookUrlProblem('ftp://127.0.0.1/hook', sandbox)).toBe('Webhook URLs must use https:// (or http:// while the portal runs against the AWS sandbox).');
  });
});
