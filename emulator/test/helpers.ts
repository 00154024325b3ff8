import { inflateSync } from 'node:zlib';
import { DirectConnectClient } from '@aws-sdk/client-direct-connect';
import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RecordedResponse } from '../runtime.js';
import { type Sandbox, type SandboxOptions, startSandbox } from '../sandbox.js';
import { validateDxResponse } from './model-conformance.js';

export type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export const PROVIDER: Creds & { accountId: string } = {
  accountId: '111111111111',
  accessKeyId: 'AKIASANDBOXPROVIDER1',
  secretAccessKey: 'sandbox-provider-secret-key-0000000000',
};
export const CUSTOMER2: Creds & { accountId: string } = {
  accountId: '222222222222',
  accessKeyId: 'AKIASANDBOXCUSTOMER2',
  secretAccessKey: 'sandbox-customer2-secret-key-000000000',
};
export const CUSTOMER3: Creds & { accountId: string } = {
  accountId: '333333333333',
  accessKeyId: 'AKIASANDBOXCUSTOMER3',
  secretAccessKey: 'sandbox-customer3-secret-key-000000000',
};

const strip = (c: Creds): Creds => ({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) });

export type TestSandbox = {
  sandbox: Sandbox;
  url: string;
  recorded: RecordedResponse[];
  dx: (creds: Creds, region?: string, maxAttempts?: number) => DirectConnectClient;
  ec2: (creds: Creds, region?: string, maxAttempts?: number) => EC2Client;
  sts: (creds: Creds, region?: string, maxAttempts?: number) => STSClient;
  control: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
  /** Move the sandbox clock; due transitions run. */
  advance: (seconds: number) => Promise<void>;
};

/**
 * One sandbox per test file (port 0). Default time scale 1 with the clock driven by `advance()`
 * keeps tests deterministic; every Direct Connect response is checked against the model after
 * the file's tests (conformance, issue 3).
 */
export function useSandbox(options: SandboxOptions = {}): TestSandbox {
  const recorded: RecordedResponse[] = [];
  const t = { recorded } as TestSandbox;
  beforeAll(async () => {
    t.sandbox = await startSandbox({ port: 0, timeScale: 1, ...options, onResponse: (r) => recorded.push(r) });
    t.url = t.sandbox.url;
  });
  afterAll(async () => {
    await t.sandbox.close();
    const problems = recorded
      .filter((r) => r.service === 'directconnect')
      .flatMap((r) => validateDxResponse(r.operation, r.status, r.body).map((p) => `${r.operation} (${r.status}): ${p}`));
    expect(problems).toEqual([]);
  });
  t.dx = (creds, region = 'us-east-1', maxAttempts = 3) => new DirectConnectClient({ region, endpoint: t.url, credentials: strip(creds), maxAttempts });
  t.ec2 = (creds, region = 'us-east-1', maxAttempts = 3) => new EC2Client({ region, endpoint: t.url, credentials: strip(creds), maxAttempts });
  t.sts = (creds, region = 'us-east-1', maxAttempts = 3) => new STSClient({ region, endpoint: t.url, credentials: strip(creds), maxAttempts });
  t.control = async (method, path, body) => {
    const res = await fetch(`${t.url}/_sandbox${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  t.advance = async (seconds) => {
    const res = await t.control('POST', '/clock', { advanceSeconds: seconds });
    expect(res.status).toBe(200);
  };
  return t;
}

/** Expect a promise to reject with an AWS error of this name whose message matches. */
export async function expectAwsError(promise: Promise<unknown>, name: string, message?: string | RegExp): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${name}`).toBeInstanceOf(Error);
  const err = caught as Error & { $metadata?: { httpStatusCode?: number } };
  expect(err.name).toBe(name);
  if (message !== undefined) expect(err.message).toMatch(message);
  return err;
}

/** Poll until `check` returns a value (no fixed sleeps). */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 5_000, intervalMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Text drawn on the pages of a pdf-lib document (Flate streams, hex-encoded strings). */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf);
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const start = raw.indexOf('stream', from);
    if (start < 0) break;
    const dataStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf('endstream', dataStart);
    if (end < 0) break;
    try {
      const text = inflateSync(raw.subarray(dataStart, end)).toString('latin1');
      for (const m of text.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) out.push(Buffer.from(m[1] ?? '', 'hex').toString('latin1'));
    } catch {
      // not a Flate content stream (e.g. an object stream we cannot read) — skip
    }
    from = end + 9;
  }
  return out.join('\n');
}
