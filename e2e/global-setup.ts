import { createDbClient } from '../lib/db/client';
import { seedProviderFootprint } from '../lib/db/seed/factories';

/** Playwright global setup: the servers must already run (scripts/test.ts starts them). */
export default async function globalSetup(): Promise<void> {
  const missing = ['E2E_BASE_URL', 'DATABASE_URL', 'NEXTAUTH_SECRET', 'DX_SANDBOX_CONTROL_URL'].filter((k) => !process.env[k]);
  if (missing.length) {
    throw new Error(`Missing ${missing.join(', ')}. Run the end-to-end tests with \`npm test\` or \`npm run test:e2e\`, which start the app, database and sandbox.`);
  }
  const response = await fetch(`${process.env.E2E_BASE_URL}/sign-in`).catch(() => null);
  if (!response?.ok) throw new Error(`The app is not answering at ${process.env.E2E_BASE_URL}.`);
  // The provider's locations and interconnects, once: specs share them and run in parallel.
  const db = createDbClient(process.env.DATABASE_URL ?? '');
  try {
    await seedProviderFootprint(db);
  } finally {
    await db.$disconnect();
  }
}
