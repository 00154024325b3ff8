import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/embedded-postgres';
import { seedAwsAccount, seedConnection, seedProviderFootprint, seedUser } from '../db/seed/factories';
import { connectionSubject, recordEvent, systemActor } from '../events/record';
import { testDb } from '../test/db';
import { dispatchNotifications } from './dispatch';
import { sendNotificationEmail } from './email';

/**
 * Email notifications end to end against a real SMTP server (maildev, the same catcher
 * `npm run dev` runs), started by this test: events recorded by the lifecycle's own path, the
 * dispatch job, the send job, and what arrived over SMTP.
 */
type Received = { to: Array<{ address: string }>; subject: string; text: string; html: string; headers: Record<string, string> };

let maildev: ChildProcess;
let inbox: string;

beforeAll(async () => {
  const [smtpPort, webPort] = [await freePort(), await freePort()];
  maildev = spawn(path.resolve('node_modules/.bin/maildev'), ['--ip', '127.0.0.1', '--smtp', String(smtpPort), '--web', String(webPort), '--silent'], { stdio: 'ignore' });
  inbox = `http://127.0.0.1:${webPort}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${inbox}/email`)).ok) break;
    } catch {
      if (i > 100) throw new Error('maildev did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Read by env() on first use, which happens only inside the tests below.
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  process.env.DX_PUBLIC_URL = 'https://portal.example.net';
});

afterAll(() => {
  maildev?.kill();
});

const received = async (): Promise<Received[]> => (await (await fetch(`${inbox}/email`)).json()) as Received[];
const to = (mails: Received[], address: string) => mails.filter((m) => m.to.some((t) => t.address === address));

/** Sends every pending email job's row, twice over, as a retried worker would. */
async function sendAllPending(): Promise<void> {
  const pending = await testDb().userNotification.findMany({ where: { emailStatus: 'PENDING' }, select: { id: true } });
  for (let round = 0; round < 2; round++) {
    for (const n of pending) await sendNotificationEmail(n.id, { retryCount: 0, retryLimit: 5 });
  }
}

describe('email notifications over real SMTP', () => {
  it('emails each member of the organisation once, honours opt-outs, and tells a foreign organisation nothing', async () => {
    const db = testDb();
    const { locations } = await seedProviderFootprint(db);
    const { user: owner, orgId } = await seedUser(db, { role: 'CUSTOMER_OWNER' });
    const { user: member } = await seedUser(db, { role: 'CUSTOMER_MEMBER', orgId: orgId! });
    const { user: optedOut } = await seedUser(db, { role: 'CUSTOMER_MEMBER', orgId: orgId! });
    const { user: foreign } = await seedUser(db, { role: 'CUSTOMER_OWNER' });
    await db.notificationPreference.create({ data: { userId: optedOut.id, category: 'connections', email: false } });
    const account = await seedAwsAccount(db, { orgId: orgId! });
    const connection = await seedConnection(db, {
      orgId: orgId!, awsAccountId: account.id, requestedById: owner.id, locationId: locations.eqdc2.id, name: 'ash-edge-1', awsConnectionId: 'dxcon-fgmail001', awsState: 'available', portalStatus: 'ACTIVE',
    });

    await db.$transaction((tx) =>
      recordEvent(tx, { ...connectionSubject(connection), source: 'AWS', actor: systemActor, kind: 'connection.awsState', fromState: 'pending', toState: 'available', message: 'AWS reports the connection available.' }),
    );
    await dispatchNotifications();
    await dispatchNotifications(); // a second run (crash and retry) creates nothing new
    await sendAllPending();

    const mails = await received();
    expect(to(mails, owner.email)).toHaveLength(1);
    expect(to(mails, member.email)).toHaveLength(1);
    expect(to(mails, optedOut.email)).toHaveLength(0);
    expect(to(mails, foreign.email)).toHaveLength(0);

    const mail = to(mails, owner.email)[0]!;
    expect(mail.subject).toContain('Connection available: ash-edge-1');
    expect(mail.text).toContain('ash-edge-1 (dxcon-fgmail001, EqDC2, Equinix DC2/DC11, Ashburn, VA)');
    expect(mail.text).toContain(`https://portal.example.net/connections/${connection.id}`);
    expect(mail.text).toMatch(/virtual interface/i);
    expect(mail.html).toContain('ash-edge-1');

    // The opted-out member still sees it in the portal's inbox; only the email is skipped.
    const rows = await db.userNotification.findMany({ where: { user: { id: { in: [owner.id, member.id, optedOut.id, foreign.id] } } }, select: { userId: true, emailStatus: true } });
    expect(new Map(rows.map((r) => [r.userId, r.emailStatus]))).toEqual(new Map([[owner.id, 'SENT'], [member.id, 'SENT'], [optedOut.id, 'SKIPPED']]));
  });

  it('emails the NOC about a new request with its decision deadline, and not the customer', async () => {
    const db = testDb();
    const { locations } = await seedProviderFootprint(db);
    const { user: owner, orgId } = await seedUser(db, { role: 'CUSTOMER_OWNER' });
    const { user: noc } = await seedUser(db, { role: 'NOC' });
    const { user: support } = await seedUser(db, { role: 'SUPPORT' });
    const account = await seedAwsAccount(db, { orgId: orgId! });
    const connection = await seedConnection(db, { orgId: orgId!, awsAccountId: account.id, requestedById: owner.id, locationId: locations.eqdc2.id, name: 'ash-new-1', portalStatus: 'SUBMITTED' });
    await db.$transaction((tx) =>
      recordEvent(tx, { ...connectionSubject(connection), source: 'PORTAL', actor: { type: 'USER', userId: owner.id, label: owner.name }, kind: 'connection.requested', toState: 'SUBMITTED', message: 'Requested.' }),
    );
    await dispatchNotifications();
    await sendAllPending();

    const mails = await received();
    const nocMail = to(mails, noc.email);
    expect(nocMail).toHaveLength(1);
    expect(nocMail[0]!.subject).toContain('New request');
    expect(nocMail[0]!.text).toMatch(/by \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(to(mails, support.email)).toHaveLength(0);
    expect(to(mails, owner.email)).toHaveLength(0);
  });
});
