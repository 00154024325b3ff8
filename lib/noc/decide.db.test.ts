import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { seedAwsAccount, seedOrg, seedProviderFootprint, seedUser } from '../db/seed/factories';
import { testDb } from '../test/db';
import { approveRequest, rejectRequest } from './decide';

async function noc(): Promise<Actor> {
  const { user } = await seedUser(testDb(), { role: 'NOC' });
  return { kind: 'staff', role: 'NOC', userId: user.id, name: user.name, email: user.email };
}

async function hostedRequest(count = 1) {
  const { locations, interconnects } = await seedProviderFootprint(testDb());
  const org = await seedOrg(testDb());
  const { user } = await seedUser(testDb(), { role: 'CUSTOMER_OWNER', orgId: org.id });
  const account = await seedAwsAccount(testDb(), { orgId: org.id });
  const requestGroupId = randomUUID();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = await testDb().connection.create({
      data: {
        orgId: org.id,
        awsAccountId: account.id,
        requestedById: user.id,
        requestGroupId,
        groupIndex: i + 1,
        name: `hosted-${randomUUID().slice(0, 6)}`,
        type: 'HOSTED',
        bandwidth: '500Mbps',
        locationId: locations.eqdc2.id,
        region: 'us-east-1',
      },
    });
    ids.push(c.id);
  }
  return { requestGroupId, ids, interconnect: interconnects.icUs };
}

const jobsFor = (connectionId: string) =>
  testDb().$queryRawUnsafe<Array<{ n: bigint }>>(`select count(*)::bigint as n from pgboss.job where name = 'provision-connection' and data->>'connectionId' = $1`, connectionId).then((r) => Number(r[0]?.n));

describe('NOC decisions', () => {
  it('approves a hosted request with its VLAN and enqueues provisioning in the same transaction', async () => {
    const r = await hostedRequest();
    const vlan = 3000 + Math.floor(Math.random() * 900);
    await approveRequest(await noc(), { requestGroupId: r.requestGroupId, hosted: [{ connectionId: r.ids[0]!, interconnectId: r.interconnect.id, vlan }] });
    expect(await testDb().connection.findUniqueOrThrow({ where: { id: r.ids[0] } })).toMatchObject({ portalStatus: 'APPROVED', vlan, interconnectId: r.interconnect.id });
    expect(await jobsFor(r.ids[0]!)).toBe(1);
  });

  it('refuses a VLAN already used on the interconnect, and leaves nothing half-done', async () => {
    const first = await hostedRequest();
    const vlan = 3000 + Math.floor(Math.random() * 900);
    const actor = await noc();
    await approveRequest(actor, { requestGroupId: first.requestGroupId, hosted: [{ connectionId: first.ids[0]!, interconnectId: first.interconnect.id, vlan }] });
    const second = await hostedRequest(2);
    await expect(
      approveRequest(actor, {
        requestGroupId: second.requestGroupId,
        hosted: [
          { connectionId: second.ids[0]!, interconnectId: second.interconnect.id, vlan: vlan + 1 },
          { connectionId: second.ids[1]!, interconnectId: second.interconnect.id, vlan },
        ],
      }),
    ).rejects.toThrow(`VLAN ${vlan} is already in use on dxcon-fgprov01. Pick another.`);
    for (const id of second.ids) {
      expect((await testDb().connection.findUniqueOrThrow({ where: { id } })).portalStatus).toBe('SUBMITTED');
      expect(await jobsFor(id)).toBe(0);
    }
  });

  it('refuses the same VLAN twice within one approval and VLANs outside the interconnect range', async () => {
    const r = await hostedRequest(2);
    const actor = await noc();
    await expect(
      approveRequest(actor, {
        requestGroupId: r.requestGroupId,
        hosted: r.ids.map((connectionId) => ({ connectionId, interconnectId: r.interconnect.id, vlan: 3999 })),
      }),
    ).rejects.toThrow(/VLAN 3999 is already in use/);
    await expect(approveRequest(actor, { requestGroupId: r.requestGroupId, hosted: r.ids.map((connectionId, i) => ({ connectionId, interconnectId: r.interconnect.id, vlan: 50 + i })) })).rejects.toThrow(
      'VLANs on dxcon-fgprov01 run from 100 to 4094.',
    );
  });

  it('cannot decide twice', async () => {
    const r = await hostedRequest();
    const actor = await noc();
    await rejectRequest(actor, { requestGroupId: r.requestGroupId, reason: 'No capacity on the interconnect.' });
    await expect(rejectRequest(actor, { requestGroupId: r.requestGroupId, reason: 'Again, for good measure.' })).rejects.toThrow('This request has already been decided.');
  });
});
