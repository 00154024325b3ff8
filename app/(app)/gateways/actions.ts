'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/action';
import { attachVpnGatewaySchema, associateGatewaySchema, createDxGatewaySchema, createVpnGatewaySchema, routePropagationSchema } from '@/lib/domain/gateways';
import { associateGateways, disassociateGateways } from '@/lib/gateways/associations';
import { createDxGateway, deleteDxGateway } from '@/lib/gateways/dx-gateways';
import { setRoutePropagation } from '@/lib/gateways/propagation';
import { associationIdSchema, dxGatewayIdSchema, vpnGatewayIdSchema } from '@/lib/gateways/schema';
import { attachVpnGateway, createVpnGateway, deleteVpnGateway, detachVpnGateway } from '@/lib/gateways/vpn-gateways';

/**
 * Gateway actions: each parses, checks its permission (authedAction), calls one use case and
 * revalidates the gateway pages. Pages are revalidated even when AWS failed, since a failed or
 * unconfirmed request is itself something to show.
 */
async function revalidating<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    // The list and both detail pages show each other's state (associations, attachments).
    revalidatePath('/gateways', 'layout');
  }
}

export const createDxGatewayAction = authedAction(createDxGatewaySchema, { name: 'gateway.createDx', permission: 'gateway.manage' }, ({ input, ctx }) =>
  revalidating(() => createDxGateway(ctx.actor, input)),
);

export const deleteDxGatewayAction = authedAction(dxGatewayIdSchema, { name: 'gateway.deleteDx', permission: 'gateway.delete' }, async ({ input, ctx }) => {
  await revalidating(() => deleteDxGateway(ctx.actor, input.dxGatewayId));
  return null;
});

export const createVpnGatewayAction = authedAction(createVpnGatewaySchema, { name: 'gateway.createVgw', permission: 'gateway.manage' }, ({ input, ctx }) =>
  revalidating(() => createVpnGateway(ctx.actor, input)),
);

export const attachVpnGatewayAction = authedAction(attachVpnGatewaySchema, { name: 'gateway.attachVgw', permission: 'gateway.manage' }, async ({ input, ctx }) => {
  await revalidating(() => attachVpnGateway(ctx.actor, input));
  return null;
});

export const detachVpnGatewayAction = authedAction(vpnGatewayIdSchema, { name: 'gateway.detachVgw', permission: 'gateway.manage' }, async ({ input, ctx }) => {
  await revalidating(() => detachVpnGateway(ctx.actor, input.vpnGatewayId));
  return null;
});

export const deleteVpnGatewayAction = authedAction(vpnGatewayIdSchema, { name: 'gateway.deleteVgw', permission: 'gateway.delete' }, async ({ input, ctx }) => {
  await revalidating(() => deleteVpnGateway(ctx.actor, input.vpnGatewayId));
  return null;
});

export const associateGatewayAction = authedAction(associateGatewaySchema, { name: 'gateway.associate', permission: 'gateway.manage' }, ({ input, ctx }) =>
  revalidating(() => associateGateways(ctx.actor, input)),
);

export const disassociateGatewayAction = authedAction(associationIdSchema, { name: 'gateway.disassociate', permission: 'gateway.manage' }, async ({ input, ctx }) => {
  await revalidating(() => disassociateGateways(ctx.actor, input.associationId));
  return null;
});

export const enableRoutePropagationAction = authedAction(routePropagationSchema, { name: 'gateway.enablePropagation', permission: 'gateway.manage' }, ({ input, ctx }) =>
  revalidating(() => setRoutePropagation(ctx.actor, input, true)),
);

export const disableRoutePropagationAction = authedAction(routePropagationSchema, { name: 'gateway.disablePropagation', permission: 'gateway.manage' }, ({ input, ctx }) =>
  revalidating(() => setRoutePropagation(ctx.actor, input, false)),
);
