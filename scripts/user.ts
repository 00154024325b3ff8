/**
 * Adds a user from the command line: how the first administrator of a production install is
 * created (production never seeds). Everything else is done on the Users page.
 *
 *   npm run user:add -- --email ops@provider.example --name "Ops Admin" --role ADMIN
 *   npm run user:add -- --email jo@initech.example --name "Jo" --role CUSTOMER_OWNER --new-org "Initech"
 *   npm run user:add -- --email al@initech.example --name "Al" --role CUSTOMER_MEMBER --org "Initech"
 *
 * The password comes from DX_NEW_USER_PASSWORD when set; otherwise one is generated and printed
 * once. Needs DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { insertUser } from '../lib/admin/users';
import { NEW_ORG } from '../lib/admin/schema';
import { createDbClient } from '../lib/db/client';
import { isAppError } from '../lib/errors';

const usage = 'Usage: npm run user:add -- --email <email> --name "<name>" --role <CUSTOMER_OWNER|CUSTOMER_MEMBER|NOC|SUPPORT|ADMIN> [--org "<existing organisation>" | --new-org "<name>"]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, 'new-org': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(usage);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set: point it at the portal database.');
    return 2;
  }
  const db = createDbClient(url);
  try {
    let orgId = '';
    if (values['new-org']) orgId = NEW_ORG;
    else if (values.org) {
      const matches = await db.organisation.findMany({ where: { name: { equals: values.org, mode: 'insensitive' } }, select: { id: true }, take: 2 });
      if (matches.length !== 1) {
        console.error(matches.length ? `More than one organisation is named "${values.org}".` : `No organisation is named "${values.org}"; use --new-org to create it.`);
        return 2;
      }
      orgId = matches[0]!.id;
    }
    const created = await insertUser(
      db,
      {
        email: values.email ?? '',
        name: values.name ?? '',
        role: (values.role ?? '').toUpperCase() as 'ADMIN',
        orgId,
        newOrgName: values['new-org'] ?? '',
        password: process.env.DX_NEW_USER_PASSWORD ?? '',
      },
      { type: 'SYSTEM', label: 'user:add command' },
    );
    console.log(`Added ${created.name} <${created.email}>${created.orgName ? ` to ${created.orgName}` : ''}.`);
    if (created.generatedPassword) console.log(`Initial password (shown once; ask them to change it under "Your account"): ${created.generatedPassword}`);
    return 0;
  } catch (error) {
    if (error instanceof ZodError) {
      const where: Record<string, string> = { newOrgName: '--new-org', orgId: '--org', password: 'DX_NEW_USER_PASSWORD' };
      for (const issue of error.issues) {
        const field = String(issue.path[0] ?? '');
        console.error(`${where[field] ?? `--${field}`}: ${issue.message}`);
      }
      console.error(usage);
      return 2;
    }
    if (isAppError(error)) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
