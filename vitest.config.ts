import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Test projects (run together by `npm test`, or one at a time with `--project`):
 * - unit:    pure rules and renderers, no I/O (`*.test.ts` beside the source)
 * - sandbox: the AWS sandbox exercised through the real SDK clients over HTTP
 * - db:      integration tests against a real PostgreSQL (`*.db.test.ts`)
 * - frr:     real FRRouting in network namespaces (`*.frr.test.ts`, needs root)
 * - dev:     the development tooling for real (`*.dev.test.ts`, e.g. `next dev` with our config)
 */
const shared = {
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside a React Server Component build; tests run on the server.
      'server-only': `${root}node_modules/server-only/empty.js`,
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.frr.test.ts', '**/*.dev.test.ts', '**/node_modules/**'],
        },
      },
      {
        ...shared,
        test: {
          name: 'sandbox',
          environment: 'node',
          include: ['emulator/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'db',
          environment: 'node',
          include: ['lib/**/*.db.test.ts', 'scripts/**/*.db.test.ts'],
          globalSetup: ['lib/test/db-global-setup.ts'],
          setupFiles: ['lib/test/db-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'frr',
          environment: 'node',
          include: ['**/*.frr.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        ...shared,
        test: {
          name: 'dev',
          environment: 'node',
          include: ['scripts/**/*.dev.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
