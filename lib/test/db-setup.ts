import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * Runs before each database test file: points DATABASE_URL at this worker's own database,
 * cloned from the migrated template on first use, and sets the secrets the app reads.
 */
const adminUrl = inject('dbAdminUrl');
const sandboxUrl = inject('sandboxUrl');
const template = inject('dbTemplate');
const host = new URL(adminUrl).hostname;
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  throw new Error(`Refusing to run destructive test setup against a non-local database (${host}).`);
}

const database = `dx_test_${process.env.VITEST_POOL_ID ?? '0'}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`create database "${database}" template "${template}"`);
} finally {
  await admin.end();
}

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');
process.env.DX_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
process.env.DX_PROVIDER_ACCOUNT_ID ??= '111111111111';
process.env.LOG_LEVEL ??= 'silent';
// The app reaches the sandbox only through the SDK's standard configuration, as it would reach AWS.
process.env.AWS_ENDPOINT_URL = sandboxUrl;
process.env.AWS_ACCESS_KEY_ID = 'AKIASANDBOXPROVIDER1';
process.env.AWS_SECRET_ACCESS_KEY = 'sandbox-provider-secret-key-0000000000';
process.env.AWS_REGION = 'us-east-1';
process.env.DX_SANDBOX_CONTROL_URL = `${sandboxUrl}/_sandbox`;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
