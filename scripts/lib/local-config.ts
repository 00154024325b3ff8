import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Sandbox defaults shared by the dev command and the test runner: the provider's account and
 * keys that the AWS sandbox knows out of the box (emulator/README.md). Not secrets: they only
 * work against the local sandbox.
 */
export const sandboxProvider = {
  accountId: '111111111111',
  accessKeyId: 'AKIASANDBOXPROVIDER1',
  secretAccessKey: 'sandbox-provider-secret-key-0000000000',
} as const;

export type LocalSecrets = { NEXTAUTH_SECRET: string; DX_ENCRYPTION_KEY: string };

export function generateSecrets(): LocalSecrets {
  return { NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), DX_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
}

/** Secrets for local development, generated once and kept (mode 600) under .data/. */
export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as LocalSecrets;
  const secrets = generateSecrets();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Environment that points the app and worker at the local sandbox. */
export function sandboxAwsEnv(sandboxUrl: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: sandboxUrl,
    AWS_ACCESS_KEY_ID: sandboxProvider.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sandboxProvider.secretAccessKey,
    AWS_REGION: 'us-east-1',
    DX_PROVIDER_ACCOUNT_ID: sandboxProvider.accountId,
    DX_SANDBOX_CONTROL_URL: `${sandboxUrl}/_sandbox`,
    // Node 20 and 22 are supported (README); the SDK's reminder that releases after January 2027 need Node 22 is in the README.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
