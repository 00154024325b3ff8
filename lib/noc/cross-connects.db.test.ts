import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { downloadLoa, fetchLoa } from '../connections/loa';
import { seedUser } from '../db/seed/factories';
import { testDb } from '../test/db';
import { pdfText } from '../test/pdf';
import { SandboxControl } from '../test/sandbox';
import { seedActiveDedicated } from '../test/scenario';
import { advanceCrossConnect, getCrossConnect, markTested, reservePort } from './cross-connects';

const sandbox = SandboxControl.fromEnv();

async function noc(): Promise<Actor> {
  const { user } = await seedUser(testDb(), { role: 'NOC' });
  return { kind: 'staff', role: 'NOC', userId: user.id, name: user.name, email: user.email };
}

/** A dedicated port whose LOA-CFA AWS has issued, so its install work order is open. */
async function openOrder() {
  const s = await seedActiveDedicated(testDb(), sandbox);
  await fetchLoa(s.connection.id);
  const order = await testDb().crossConnectOrder.findFirstOrThrow({ where: { connectionId: s.connection.id, kind: 'INSTALL' } });
  const org = await testDb().organisation.findUniqueOrThrow({ where: { id: s.orgId } });
  return { ...s, order, orgName: org.name };
}

describe('the LOA-CFA the portal hands out', () => {
  it('starts with a cover sheet naming the tenant, then the reserved patch-panel port once there is one', async () => {
    const { connection, owner, order, orgName } = await openOrder();
    const before = pdfText((await downloadLoa(owner, connection.id)).pdf);
    expect(before).toContain(`Tenant`);
    expect(before).toContain(orgName);
    expect(before).toContain('not reserved yet');
    expect(before).toContain('10 Gbps, 10GBASE-LR single-mode');
    // AWS's own letter follows, unchanged.
    expect(before).toContain('LETTER OF AUTHORIZATION AND');
    expect(before.indexOf(orgName)).toBeLessThan(before.indexOf('LETTER OF AUTHORIZATION AND'));

    await reservePort(await noc(), { orderId: order.id, patchPanel: 'MMR1-PP-04', panelPort: '17/18' });
    const after = pdfText((await downloadLoa(owner, connection.id)).pdf);
    expect(after).toContain('MMR1-PP-04 / 17/18');
    expect(after).not.toContain('not reserved yet');
  });

  it('records exactly one timeline event per download', async () => {
    const { connection, owner } = await openOrder();
    await downloadLoa(owner, connection.id);
    await downloadLoa(owner, connection.id);
    expect(await testDb().event.count({ where: { connectionId: connection.id, kind: 'loa.downloaded' } })).toBe(2);
  });
});

describe('cross-connect test evidence', () => {
  it('cannot mark a patched fibre tested without evidence', async () => {
    const { order } = await openOrder();
    const engineer = await noc();
    await reservePort(engineer, { orderId: order.id, patchPanel: 'PP-1', panelPort: '3' });
    await advanceCrossConnect(engineer, { orderId: order.id, from: 'PORT_RESERVED' });
    await expect(advanceCrossConnect(engineer, { orderId: order.id, from: 'PATCHED' })).rejects.toThrow(/Record the test result/);
    expect((await testDb().crossConnectOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PATCHED');
  });

  it('keeps the light levels, the result and who tested on the order and the timeline', async () => {
    const { connection, order } = await openOrder();
    const engineer = await noc();
    await reservePort(engineer, { orderId: order.id, patchPanel: 'PP-1', panelPort: '3' });
    await advanceCrossConnect(engineer, { orderId: order.id, from: 'PORT_RESERVED' });
    await markTested(engineer, { orderId: order.id, rxDbm: -16.2, txDbm: -2.1, note: 'Loopback clean' });

    const detail = await getCrossConnect(engineer, order.id);
    expect(detail).toMatchObject({ status: 'TESTED', testRxDbm: -16.2, testTxDbm: -2.1, testNote: 'Loopback clean', testedBy: engineer.name });
    const event = await testDb().event.findFirstOrThrow({ where: { connectionId: connection.id, kind: 'crossConnect.tested' } });
    expect(event.message).toBe(
      'Cross-connect: tested: Rx −16.2 dBm (below the 10GBASE-LR range of −14.4 dBm to 0.5 dBm), Tx −2.1 dBm (within 10GBASE-LR range). Result: Loopback clean.',
    );
    expect(event.actorLabel).toContain(engineer.name);
    expect(event.actorUserId).toBe(engineer.userId);
  });
});
