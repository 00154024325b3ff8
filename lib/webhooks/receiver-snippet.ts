/**
 * What a receiver runs to check a delivery, shown on the webhooks page and in the README. Plain
 * JavaScript with no dependencies; receiver-snippet.test.ts runs it against real signatures.
 */
export const receiverSnippet = `import { createHmac, timingSafeEqual } from 'node:crypto';

// header: the X-DX-Signature value, "t=<unix seconds>,v1=<hex>"; body: the raw request body.
export function verify(header, body, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false; // a replay
  const expected = createHmac('sha256', secret).update(\`\${t}.\${body}\`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
// Answer 2xx within 10 s. X-DX-Delivery stays the same over retries: skip one you already handled.
`;
