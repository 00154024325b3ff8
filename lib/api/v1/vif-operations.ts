import 'server-only';
import { z } from 'zod';
import { bgpFailoverSchema, createVifSchema } from '../../domain/virtual-interfaces';
import { routerSettingsSchema } from '../../domain/router-bundle/schema';
import { notFound } from '../../errors';
import { downloadRouterBundle, routerSettingsOf, saveRouterSettings } from '../../virtual-interfaces/bundle';
import { confirmHostedVif, deleteVirtualInterface, revealAuthKey } from '../../virtual-interfaces/commands';
import { createVirtualInterface } from '../../virtual-interfaces/create';
import { failoverHistory, startFailoverTest, stopFailoverTest } from '../../virtual-interfaces/failover';
import { vifForApi, vifsAfter } from '../../virtual-interfaces/queries';
import { problemSchema } from '../problem';
import { afterCursor, conflictResponse, idParam, notFoundResponse, op, pageBody, pageQuery, type ApiOperation } from './contract';
import { bgpStatusResource, failoverTestResource, pageOf, toVirtualInterfaceResource, virtualInterfaceResource } from './resources';
import type { Actor } from '../../auth/permissions';

const params = idParam('virtual interface');
const tag = 'Virtual interfaces';

async function vifOrNotFound(actor: Actor, id: string) {
  const v = await vifForApi(actor, id);
  if (!v) throw notFound('That virtual interface');
  return toVirtualInterfaceResource(v);
}

const createdVif = virtualInterfaceResource.extend({ warnings: z.record(z.string(), z.array(z.string())).describe('Advice that did not stop the create, by field.') }).meta({ id: 'CreatedVirtualInterface' });

export const vifOperations: ApiOperation[] = [
  op({
    id: 'listVirtualInterfaces',
    method: 'GET',
    path: '/virtual-interfaces',
    tag,
    summary: 'Virtual interfaces, newest first, a page at a time',
    permission: 'vif.read',
    write: false,
    query: z.object({ ...pageQuery, connectionId: z.string().max(40).optional().describe('Only the interfaces on this connection.') }),
    responses: { 200: { description: 'One page; follow nextCursor for the next.', schema: pageOf(virtualInterfaceResource, 'VirtualInterfacePage') } },
    run: async ({ actor, query }) => ({ status: 200, body: pageBody(await vifsAfter(actor, { connectionId: query.connectionId, after: afterCursor(query.cursor), limit: query.limit }), toVirtualInterfaceResource) }),
  }),
  op({
    id: 'getVirtualInterface',
    method: 'GET',
    path: '/virtual-interfaces/{id}',
    tag,
    summary: 'One virtual interface, with its BGP peers',
    permission: 'vif.read',
    write: false,
    params,
    responses: { 200: { description: 'The interface.', schema: virtualInterfaceResource }, 404: notFoundResponse },
    run: async ({ actor, params }) => ({ status: 200, body: await vifOrNotFound(actor, params.id) }),
  }),
  op({
    id: 'createVirtualInterface',
    method: 'POST',
    path: '/virtual-interfaces',
    tag,
    summary: 'Create (or allocate to another account) a virtual interface',
    description:
      'The same rules as the wizard: every wrong field is named at once (422); a VLAN another interface holds is 409 with conflict.vlan and conflict.virtualInterface. Answers 202: AWS brings the interface up (state awaiting_aws, then available; awaiting_owner_confirmation when allocated to another account). Send Idempotency-Key to retry safely; the portal tags the interface with its id, so a lost answer never makes a second one.',
    permission: 'vif.manage',
    write: true,
    body: createVifSchema,
    responses: {
      202: { description: 'Created in AWS.', schema: createdVif },
      404: { description: 'No such connection, or not yours.', schema: problemSchema },
      409: conflictResponse('The VLAN is taken (named in conflict), or the account is not verified.'),
    },
    run: async ({ actor, body }) => {
      const { id, warnings } = await createVirtualInterface(actor, body);
      return { status: 202, body: { ...(await vifOrNotFound(actor, id)), warnings } };
    },
  }),
  op({
    id: 'confirmVirtualInterface',
    method: 'POST',
    path: '/virtual-interfaces/{id}/confirm',
    tag,
    summary: 'Confirm a hosted virtual interface allocated to your account',
    description: 'Private interfaces attach to a Direct Connect gateway or a virtual private gateway of the owning account; transit ones to a Direct Connect gateway. Answers 202 (state awaiting_aws, then available).',
    permission: 'vif.manage',
    write: true,
    params,
    body: z.object({ dxGatewayId: z.string().max(40).optional(), vpnGatewayId: z.string().max(40).optional() }),
    responses: { 202: { description: 'Confirmed in AWS.', schema: virtualInterfaceResource }, 404: notFoundResponse, 409: conflictResponse('Not waiting for confirmation, or the account is not verified.') },
    run: async ({ actor, params, body }) => {
      await confirmHostedVif(actor, params.id, { dxGatewayId: body.dxGatewayId || undefined, vpnGatewayId: body.vpnGatewayId || undefined });
      return { status: 202, body: await vifOrNotFound(actor, params.id) };
    },
  }),
  op({
    id: 'deleteVirtualInterface',
    method: 'DELETE',
    path: '/virtual-interfaces/{id}',
    tag,
    summary: 'Delete a virtual interface (owners only)',
    description: "confirmName must repeat the interface's name, as on the page. Answers 202 (state deleting, then deleted).",
    permission: 'vif.delete',
    write: true,
    params,
    query: z.object({ confirmName: z.string().min(1, "Repeat the interface's name to confirm.").max(200) }),
    responses: { 202: { description: 'Being deleted in AWS.', schema: virtualInterfaceResource }, 404: notFoundResponse, 409: conflictResponse('Already deleting, or never made in AWS.') },
    run: async ({ actor, params, query }) => {
      await deleteVirtualInterface(actor, params.id, query.confirmName);
      return { status: 202, body: await vifOrNotFound(actor, params.id) };
    },
  }),
  op({
    id: 'getBgpStatus',
    method: 'GET',
    path: '/virtual-interfaces/{id}/bgp',
    tag,
    summary: "The interface's BGP sessions as AWS last reported them",
    permission: 'vif.read',
    write: false,
    params,
    responses: { 200: { description: 'Each peer with its status.', schema: bgpStatusResource }, 404: notFoundResponse },
    run: async ({ actor, params }) => {
      const v = await vifOrNotFound(actor, params.id);
      return { status: 200, body: { virtualInterfaceId: v.id, state: v.state, up: v.bgpPeers.length > 0 && v.bgpPeers.every((p) => p.bgpStatus === 'up'), peers: v.bgpPeers, lastSyncedAt: v.lastSyncedAt } };
    },
  }),
  op({
    id: 'listFailoverTests',
    method: 'GET',
    path: '/virtual-interfaces/{id}/failover-tests',
    tag,
    summary: "The interface's BGP failover tests, newest first (AWS's history)",
    permission: 'vif.read',
    write: false,
    params,
    responses: { 200: { description: 'Every test AWS recorded.', schema: z.object({ items: z.array(failoverTestResource) }).meta({ id: 'BgpFailoverTestList' }) }, 404: notFoundResponse },
    run: async ({ actor, params }) => ({
      status: 200,
      body: { items: (await failoverHistory(actor, params.id)).map((t) => ({ ...t, startTime: t.startTime?.toISOString() ?? null, endTime: t.endTime?.toISOString() ?? null })) },
    }),
  }),
  op({
    id: 'startFailoverTest',
    method: 'POST',
    path: '/virtual-interfaces/{id}/failover-tests',
    tag,
    summary: 'Take BGP sessions down for a while to prove failover',
    description: 'bgpPeerIds are the portal ids of the peers (GET /virtual-interfaces/{id}). Answers 202 (state testing); AWS restores the sessions when the duration ends or on stop.',
    permission: 'vif.manage',
    write: true,
    params,
    body: bgpFailoverSchema.omit({ virtualInterfaceId: true }),
    responses: { 202: { description: 'The test is running.', schema: virtualInterfaceResource }, 404: notFoundResponse, 409: conflictResponse('The interface is not available, or a test is running.') },
    run: async ({ actor, params, body }) => {
      await startFailoverTest(actor, { ...body, virtualInterfaceId: params.id });
      return { status: 202, body: await vifOrNotFound(actor, params.id) };
    },
  }),
  op({
    id: 'stopFailoverTest',
    method: 'POST',
    path: '/virtual-interfaces/{id}/failover-tests/stop',
    tag,
    summary: 'Stop the running failover test',
    permission: 'vif.manage',
    write: true,
    params,
    responses: { 202: { description: 'Stopped; AWS restores the sessions.', schema: virtualInterfaceResource }, 404: notFoundResponse, 409: conflictResponse('No test is running.') },
    run: async ({ actor, params }) => {
      await stopFailoverTest(actor, params.id);
      return { status: 202, body: await vifOrNotFound(actor, params.id) };
    },
  }),
  op({
    id: 'revealAuthKey',
    method: 'POST',
    path: '/virtual-interfaces/{id}/auth-key',
    tag,
    summary: 'Reveal the BGP MD5 key (recorded on the timeline)',
    permission: 'vif.revealKey',
    write: true,
    secret: true,
    params,
    responses: { 200: { description: 'The key.', schema: z.object({ authKey: z.string() }).meta({ id: 'BgpAuthKey' }) }, 404: notFoundResponse, 409: conflictResponse('AWS has not reported a key yet.') },
    run: async ({ actor, params }) => ({ status: 200, body: { authKey: await revealAuthKey(actor, params.id) } }),
  }),
  op({
    id: 'getRouterSettings',
    method: 'GET',
    path: '/virtual-interfaces/{id}/router-settings',
    tag,
    summary: 'The router-server settings the bundle is built with',
    permission: 'vif.read',
    write: false,
    params,
    responses: { 200: { description: 'The saved settings, or settings: null.', schema: z.object({ settings: routerSettingsSchema.nullable() }).meta({ id: 'RouterSettingsAnswer' }) }, 404: notFoundResponse },
    run: async ({ actor, params }) => {
      await vifOrNotFound(actor, params.id);
      return { status: 200, body: { settings: await routerSettingsOf(actor, params.id) } };
    },
  }),
  op({
    id: 'saveRouterSettings',
    method: 'POST',
    path: '/virtual-interfaces/{id}/router-settings',
    tag,
    summary: 'Save the router-server settings (checked with the interface’s own facts)',
    permission: 'bundle.download',
    write: true,
    params,
    body: routerSettingsSchema,
    responses: {
      200: { description: 'Saved, as stored.', schema: z.object({ settings: routerSettingsSchema }).meta({ id: 'RouterSettingsSaved' }) },
      404: notFoundResponse,
      409: conflictResponse('AWS has not assigned the peer addresses yet.'),
    },
    run: async ({ actor, params, body }) => {
      await saveRouterSettings(actor, params.id, body);
      return { status: 200, body: { settings: await routerSettingsOf(actor, params.id) } };
    },
  }),
  op({
    id: 'getRouterBundle',
    method: 'GET',
    path: '/virtual-interfaces/{id}/router-bundle',
    tag,
    summary: 'The FRRouting bundle for your router server (.tar.gz, holds the BGP key)',
    description: 'Save the router settings first. Each download is recorded on the timeline.',
    permission: 'bundle.download',
    write: false,
    secret: true,
    params,
    responses: { 200: { description: 'The archive.', contentType: 'application/gzip' }, 404: notFoundResponse, 409: conflictResponse('No settings saved, or AWS has not reported the key yet.') },
    run: async ({ actor, params }) => {
      const { archive, fileName } = await downloadRouterBundle(actor, params.id);
      return new Response(new Uint8Array(archive), {
        headers: { 'content-type': 'application/gzip', 'content-disposition': `attachment; filename="${fileName}"`, 'content-length': String(archive.byteLength), 'cache-control': 'private, no-store' },
      });
    },
  }),
];
