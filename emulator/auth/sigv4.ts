import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The parts of an `AWS4-HMAC-SHA256` Authorization header. */
export type SigV4Auth = {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
};

export type RawRequest = {
  method: string;
  /** Path without the query string, exactly as received. */
  path: string;
  query: string;
  /** Node's `rawHeaders` (name, value, name, value …). */
  rawHeaders: string[];
  body: Buffer;
};

export type AuthProblem =
  | { kind: 'missing'; message: string }
  | { kind: 'incomplete'; message: string }
  | { kind: 'mismatch'; message: string }
  | { kind: 'expired'; message: string };

const MAX_SKEW_MS = 15 * 60 * 1000;

export function parseAuthorization(header: string | undefined): SigV4Auth | AuthProblem {
  if (header === undefined || header.trim() === '') {
    return { kind: 'missing', message: 'Request is missing Authentication Token' };
  }
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim());
  if (!match?.[1]) {
    return { kind: 'incomplete', message: `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters with algorithm AWS4-HMAC-SHA256.` };
  }
  const parts = new Map<string, string>();
  for (const piece of match[1].split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const credential = parts.get('Credential');
  const signed = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  const missing = [
    credential ? undefined : 'Credential',
    signed ? undefined : 'SignedHeaders',
    signature ? undefined : 'Signature',
  ].filter((x): x is string => x !== undefined);
  if (missing.length > 0 || !credential || !signed || !signature) {
    return { kind: 'incomplete', message: `Authorization header requires '${missing.join("', '")}' parameter(s). Authorization=${header.split(',')[0] ?? ''}` };
  }
  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request' || !scope[0] || !scope[1] || !scope[2] || !scope[3]) {
    return { kind: 'incomplete', message: `Credential should be scoped to a valid region, service and terminated by aws4_request. Credential=${credential}` };
  }
  return {
    accessKeyId: scope[0],
    date: scope[1],
    region: scope[2],
    service: scope[3],
    signedHeaders: signed.split(';').map((h) => h.trim().toLowerCase()),
    signature: signature.toLowerCase(),
  };
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  const pairs = query.split('&').filter(Boolean).map((p) => {
    const eq = p.indexOf('=');
    const k = decodeURIComponent((eq < 0 ? p : p.slice(0, eq)).replace(/\+/g, ' '));
    const v = eq < 0 ? '' : decodeURIComponent(p.slice(eq + 1).replace(/\+/g, ' '));
    return [rfc3986(k), rfc3986(v)] as const;
  });
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function headerValues(rawHeaders: string[]): Map<string, string> {
  const values = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = (rawHeaders[i + 1] ?? '').trim().replace(/\s+/g, ' ');
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return new Map([...values].map(([k, v]) => [k, v.join(',')]));
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `20250101T120000Z` → epoch ms, or undefined when malformed. */
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/**
 * Verify a SigV4 header signature: rebuild the canonical request (method, double-encoded path,
 * sorted query, the signed headers, payload hash), the string to sign and the derived key.
 * The request time is checked against the real clock (±15 minutes), like AWS.
 */
export function verifySigV4(req: RawRequest, auth: SigV4Auth, secretAccessKey: string, realNowMs: number): AuthProblem | undefined {
  const headers = headerValues(req.rawHeaders);
  if (!auth.signedHeaders.includes('host')) {
    return { kind: 'incomplete', message: `'Host' must be a 'SignedHeader' in the AWS Authorization.` };
  }
  const amzDate = headers.get('x-amz-date') ?? '';
  const requestTime = parseAmzDate(amzDate);
  if (requestTime === undefined) {
    return { kind: 'incomplete', message: `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.` };
  }
  if (amzDate.slice(0, 8) !== auth.date) {
    return { kind: 'mismatch', message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}'` };
  }
  if (Math.abs(realNowMs - requestTime) > MAX_SKEW_MS) {
    const now = new Date(realNowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    return { kind: 'expired', message: `Signature expired: ${amzDate} is now earlier than ${now} (${now} - 15 min.)` };
  }
  for (const name of auth.signedHeaders) {
    if (!headers.has(name)) return { kind: 'mismatch', message: `Signed header '${name}' is not present in the request.` };
  }
  const canonicalHeaders = auth.signedHeaders.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
  const canonicalPath = req.path.split('/').map((segment) => rfc3986(segment)).join('/') || '/';
  const payloadHash = headers.get('x-amz-content-sha256') ?? sha256Hex(req.body);
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalPath,
    canonicalQuery(req.query),
    canonicalHeaders,
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, auth.date), auth.region), auth.service), 'aws4_request');
  const expected = Buffer.from(createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex'));
  const given = Buffer.from(auth.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return {
      kind: 'mismatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    };
  }
  return undefined;
}

/** Sign a request the way the SDK does (used by tests that hand-build protocol edge cases). */
export function signRequest(input: {
  method: string;
  host: string;
  path?: string;
  query?: string;
  headers: Record<string, string>;
  body: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  date?: Date;
}): Record<string, string> {
  const amzDate = (input.date ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const headers: Record<string, string> = { ...input.headers, host: input.host, 'x-amz-date': amzDate };
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonical = [
    input.method,
    input.path ?? '/',
    canonicalQuery(input.query ?? ''),
    names.map((n) => `${n}:${(lower.get(n) ?? '').trim()}\n`).join(''),
    names.join(';'),
    sha256Hex(input.body),
  ].join('\n');
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const sts = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, date), input.region), input.service), 'aws4_request');
  const signature = createHmac('sha256', key).update(sts, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}
