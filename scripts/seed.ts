/**
 * Seeds the demo data when the database has no users (never in production).
 * Run by the dev command; by hand: `npm run db:seed` with DATABASE_URL set.
 */
import { createDbClient } from '../lib/db/client';
import { DEMO_PASSWORD, seedDemo } from '../lib/db/seed/demo';

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('Refusing to seed demo data in production (NODE_ENV=production).');
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set.');
  const db = createDbClient(url);
  try {
    const seeded = await seedDemo(db);
    console.log(seeded ? `Seeded demo data (password for every demo user: ${DEMO_PASSWORD}).` : 'Database already has users; demo seed skipped.');
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
