import { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import pino from 'pino';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../auth/permissions';
import { associateGatewaySchema, createDxGatewaySchema, createVpnGatewaySchema } from '../domain/gateways';
import { syncAccount } from '../sync/account';
import { testDb } from '../test/db';
import { SandboxControl } from '../test/sandbox';
import { actorFor, gatewayCustomer, until } from './testing';

/**
 * Gateway actions are public POST endpoints: these call them directly, as a crafted request would,
 * with every role, and with another organisation's ids.
 */
let current: Actor | null = null;
vi.mock('../auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const actions = await import('../../app/(app)/gateways/actions');
const { associateGateways } = await import('./associations');
const { createDxGateway } = await import('./dx-gateways');
const { attachVpnGateway, createVpnGateway } = await import('./vpn-gateways');
const { getDxGateway, getVpnGateway, dxGatewayVersion, vpnGatewayVersion } = await import('./detail');
const { listDxGateways, listVpnGateways, gatewayCatalog } = await import('./queries');
const { listAccountVpcs } = await import('./vpcs');
const { listGatewayTargets, dxGatewayTarget, vpnGatewayTarget } = await import('./targets');

const sandbox = SandboxControl.fromEnv();
const log = pino({ level: 'silent' });
const denied = { ok: false, formError: 'You do not have permission to do that.' };

type World = Awaited<ReturnType<typeof orgA>>;

/** Org A: a Direct Connect gateway and an attached, associated virtual private gateway in the sandbox. */
async function orgA() {
  const c = await gatewayCustomer(testDb(), sandbox);
  const dx = await createDxGateway(c.owner, createDxGatewaySchema.parse({ awsAccountId: c.account.id, name: 'a-dx' }));
  const vgw = await createVpnGateway(c.owner, createVpnGatewaySchema.parse({ awsAccountId: c.account.id, name: 'a-vgw', region: 'us-east-1' }));
  const settle = async (ready: () => Promise<boolean>, what: string) =>
    until(async () => {
      await syncAccount(c.account.id, 'us-east-1', log);
      return ready();
    }, what);
  await settle(async () => (await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: vgw.id } })).awsState === 'available', 'available');
  const listing = await listAccountVpcs(c.owner, { awsAccountId: c.account.id, region: 'us-east-1' });
  if (!listing.ok) throw new Error(listing.message);
  const vpc = listing.vpcs[0]!;
  await attachVpnGateway(c.owner, { vpnGatewayId: vgw.id, vpcId: vpc.vpcId });
  await settle(async () => (await testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: vgw.id } })).attachmentState === 'attached', 'attached');
  const association = await associateGateways(c.owner, associateGatewaySchema.parse({ dxGatewayId: dx.id, vpnGatewayId: vgw.id }));
  const routeTableIds = vpc.routeTables.map((t) => t.id);
  return { ...c, dx, vgw, association, vpc, routeTableIds };
}

/** One call of every gateway action, with org A's ids. */
function everyAction(w: World) {
  return {
    createDx: () => actions.createDxGatewayAction({ awsAccountId: w.account.id, name: 'sneaky-dx' }),
    deleteDx: () => actions.deleteDxGatewayAction({ dxGatewayId: w.dx.id }),
    createVgw: () => actions.createVpnGatewayAction({ awsAccountId: w.account.id, name: 'sneaky-vgw', region: 'us-east-1' }),
    attach: () => actions.attachVpnGatewayAction({ vpnGatewayId: w.vgw.id, vpcId: w.vpc.vpcId }),
    detach: () => actions.detachVpnGatewayAction({ vpnGatewayId: w.vgw.id }),
    deleteVgw: () => actions.deleteVpnGatewayAction({ vpnGatewayId: w.vgw.id }),
    associate: () => actions.associateGatewayAction({ dxGatewayId: w.dx.id, vpnGatewayId: w.vgw.id }),
    disassociate: () => actions.disassociateGatewayAction({ associationId: w.association.id }),
    enable: () => actions.enableRoutePropagationAction({ vpnGatewayId: w.vgw.id, routeTableIds: w.routeTableIds }),
    disable: () => actions.disableRoutePropagationAction({ vpnGatewayId: w.vgw.id, routeTableIds: w.routeTableIds }),
  };
}

/** What AWS and the database hold for org A; nothing a refused caller does may change it. */
async function snapshot(w: World) {
  const [dx, vgw, association, dxCount, vgwCount, events] = await Promise.all([
    testDb().directConnectGateway.findUniqueOrThrow({ where: { id: w.dx.id }, select: { portalStatus: true, awsState: true } }),
    testDb().virtualPrivateGateway.findUniqueOrThrow({ where: { id: w.vgw.id }, select: { portalStatus: true, attachmentState: true, propagatingRouteTableIds: true } }),
    testDb().gatewayAssociation.findUniqueOrThrow({ where: { id: w.association.id }, select: { portalStatus: true } }),
    testDb().directConnectGateway.count({ where: { orgId: w.orgId } }),
    testDb().virtualPrivateGateway.count({ where: { orgId: w.orgId } }),
    testDb().event.count({ where: { orgId: w.orgId } }),
  ]);
  const tables = (await w.ec2().send(new DescribeRouteTablesCommand({ RouteTableIds: w.routeTableIds }))).RouteTables ?? [];
  return { dx, vgw, association, dxCount, vgwCount, events, propagating: tables.map((t) => t.PropagatingVgws?.length ?? 0) };
}

let world: World;
beforeAll(async () => {
  world = await orgA();
}, 60_000);

beforeEach(() => {
  current = null;
});

describe('gateway actions check the role, whoever calls them', () => {
  it('refuses every action to a signed-out caller', async () => {
    const before = await snapshot(world);
    for (const [name, call] of Object.entries(everyAction(world))) {
      expect(await call(), name).toMatchObject({ ok: false, formError: expect.stringContaining('Sign in again') });
    }
    expect(await snapshot(world)).toEqual(before);
  });

  it('keeps NOC, support and admins out of every gateway action', async () => {
    const before = await snapshot(world);
    for (const role of ['NOC', 'SUPPORT', 'ADMIN'] as const) {
      current = await actorFor(testDb(), role);
      for (const [name, call] of Object.entries(everyAction(world))) expect(await call(), `${role} ${name}`).toMatchObject(denied);
    }
    expect(await snapshot(world)).toEqual(before);
  });

  it('lets members manage gateways but only owners delete them', async () => {
    const member = await actorFor(testDb(), 'CUSTOMER_MEMBER', world.orgId);
    current = member;
    const calls = everyAction(world);
    const before = await snapshot(world);
    expect(await calls.deleteDx()).toMatchObject(denied);
    expect(await calls.deleteVgw()).toMatchObject(denied);
    expect(await snapshot(world)).toEqual(before);
    // Managing is allowed: the rule, not the role, answers (the gateway is associated already).
    expect(await calls.associate()).toMatchObject({ ok: false, fieldErrors: { dxGatewayId: [expect.stringContaining('is already associated with Direct Connect gateway "a-dx"')] } });
    const created = await actions.createDxGatewayAction({ awsAccountId: world.account.id, name: 'member-dx', amazonSideAsn: '' });
    expect(created).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const row = await testDb().directConnectGateway.findFirstOrThrow({ where: { orgId: world.orgId, name: 'member-dx' } });
    expect(row).toMatchObject({ portalStatus: 'ACTIVE', createdById: member.userId, amazonSideAsn: 64512n });
    // The owner may delete it (it is free).
    current = world.owner;
    expect(await actions.deleteDxGatewayAction({ dxGatewayId: row.id })).toMatchObject({ ok: true });
  });

  it('validates with the same schema as the form and returns field errors', async () => {
    current = world.owner;
    expect(await actions.createDxGatewayAction({ awsAccountId: world.account.id, name: ' ', amazonSideAsn: '7224' })).toMatchObject({
      ok: false,
      fieldErrors: {
        name: ['Give the Direct Connect gateway a name, e.g. "prod-dx-gateway".'],
        amazonSideAsn: [expect.stringContaining('AS 7224 cannot be the Amazon-side ASN')],
      },
    });
    expect(await actions.enableRoutePropagationAction({ vpnGatewayId: world.vgw.id, routeTableIds: [] })).toMatchObject({ ok: false, fieldErrors: { routeTableIds: ['Choose at least one route table.'] } });
  });
});

describe("another organisation's gateways are simply not found", () => {
  it('in every action, and nothing changes', async () => {
    const b = await actorFor(testDb(), 'CUSTOMER_OWNER');
    current = b;
    const before = await snapshot(world);
    const notFound = {
      createDx: { fieldErrors: { awsAccountId: ['Choose one of your organisation’s AWS accounts.'] } },
      createVgw: { fieldErrors: { awsAccountId: ['Choose one of your organisation’s AWS accounts.'] } },
      deleteDx: { formError: 'That Direct Connect gateway was not found.' },
      attach: { formError: 'That virtual private gateway was not found.' },
      detach: { formError: 'That virtual private gateway was not found.' },
      deleteVgw: { formError: 'That virtual private gateway was not found.' },
      associate: { formError: expect.stringMatching(/^That (Direct Connect|virtual private) gateway was not found\.$/) },
      disassociate: { formError: 'That association was not found.' },
      enable: { formError: 'That virtual private gateway was not found.' },
      disable: { formError: 'That virtual private gateway was not found.' },
    } as const;
    for (const [name, call] of Object.entries(everyAction(world))) {
      expect(await call(), name).toMatchObject({ ok: false, ...notFound[name as keyof typeof notFound] });
    }
    expect(await snapshot(world)).toEqual(before);
  });

  it('even when mixed with its own gateway', async () => {
    const other = await gatewayCustomer(testDb(), sandbox);
    current = other.owner;
    const mine = await createDxGateway(other.owner, createDxGatewaySchema.parse({ awsAccountId: other.account.id, name: 'b-dx' }));
    expect(await actions.associateGatewayAction({ dxGatewayId: mine.id, vpnGatewayId: world.vgw.id })).toMatchObject({ ok: false, formError: 'That virtual private gateway was not found.' });
    expect(await testDb().gatewayAssociation.count({ where: { dxGatewayId: mine.id } })).toBe(0);
  });

  it('in every read', async () => {
    const b = await actorFor(testDb(), 'CUSTOMER_OWNER');
    expect(await getDxGateway(b, world.dx.id)).toBeNull();
    expect(await getVpnGateway(b, world.vgw.id)).toBeNull();
    expect(await dxGatewayVersion(b, world.dx.id)).toBeNull();
    expect(await vpnGatewayVersion(b, world.vgw.id)).toBeNull();
    expect(await listDxGateways(b)).toEqual([]);
    expect(await listVpnGateways(b)).toEqual([]);
    expect((await gatewayCatalog(b)).accounts).toEqual([]);
    await expect(listAccountVpcs(b, { awsAccountId: world.account.id, region: 'us-east-1' })).rejects.toThrow('That AWS account was not found.');
    expect(await listGatewayTargets(b)).toEqual({ dxGateways: [], vpnGateways: [] });
    expect(await dxGatewayTarget(b, world.dx.id)).toBeNull();
    expect(await vpnGatewayTarget(b, world.vgw.id)).toBeNull();
  });

  it('while staff read every organisation without acting', async () => {
    const support = await actorFor(testDb(), 'SUPPORT');
    expect((await getDxGateway(support, world.dx.id))?.associations.map((a) => a.vpnGateway.id)).toEqual([world.vgw.id]);
    expect((await getVpnGateway(support, world.vgw.id))?.association?.dxGateway.id).toBe(world.dx.id);
    expect((await listVpnGateways(support)).some((g) => g.id === world.vgw.id)).toBe(true);
    // The live AWS listing goes through the customer's role: customers only.
    await expect(listAccountVpcs(support, { awsAccountId: world.account.id, region: 'us-east-1' })).rejects.toThrow('only for members of a customer organisation');
  });

  it('the VIF wizard sees the organisation’s gateways with the facts its rules need', async () => {
    const targets = await listGatewayTargets(world.owner, { awsAccountId: world.account.id });
    const dx = targets.dxGateways.find((g) => g.id === world.dx.id);
    expect(dx).toMatchObject({ name: 'a-dx', state: 'available', attachedVifTypes: [], amazonSideAsn: 64512, associationCount: 1, awsAccountId: world.account.id });
    const vgw = targets.vpnGateways.find((g) => g.id === world.vgw.id);
    expect(vgw).toMatchObject({ name: 'a-vgw', state: 'available', region: 'us-east-1', amazonSideAsn: 64512, vpcId: world.vpc.vpcId });
  });
});
