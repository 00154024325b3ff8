/**
 * Generates the Prisma client (lib/db/generated) after `npm install`.
 * Prisma 7's client needs no engine binaries (it runs on @prisma/adapter-pg), but its CLI still
 * looks for a schema-engine binary on start-up and tries to download one; pointing it at an
 * existing file lets `generate` run offline. `generate` itself never executes that file.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', 'prisma/schema.prisma'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
