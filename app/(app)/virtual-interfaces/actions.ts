'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { AppError, isAppError } from '@/lib/errors';
import { bgpFailoverSchema, createVifSchema } from '@/lib/domain/virtual-interfaces';
import { saveRouterSettings } from '@/lib/virtual-interfaces/bundle';
import { routerSettingsFormSchema } from '@/lib/virtual-interfaces/bundle-schema';
import { confirmHostedVif, deleteVirtualInterface, revealAuthKey } from '@/lib/virtual-interfaces/commands';
import { createVirtualInterface } from '@/lib/virtual-interfaces/create';
import { startFailoverTest, stopFailoverTest } from '@/lib/virtual-interfaces/failover';

const byId = z.object({ id: z.string().min(1) });

export const createVifAction = authedAction(createVifSchema, { name: 'vif.create', permission: 'vif.manage' }, async ({ input, ctx }) => {
  const result = await createVirtualInterface(ctx.actor, input);
  revalidatePath(`/connections/${input.connectionId}`);
  return result;
});

export const deleteVifAction = authedAction(byId.extend({ confirmName: z.string() }), { name: 'vif.delete', permission: 'vif.delete' }, async ({ input, ctx }) => {
  await deleteVirtualInterface(ctx.actor, input.id, input.confirmName);
  revalidatePath(`/virtual-interfaces/${input.id}`);
  return null;
});

export const revealKeyAction = authedAction(byId, { name: 'vif.revealKey', permission: 'vif.revealKey' }, async ({ input, ctx }) => ({ key: await revealAuthKey(ctx.actor, input.id) }));

export const confirmHostedVifAction = authedAction(
  byId.extend({ dxGatewayId: z.string().optional(), vpnGatewayId: z.string().optional() }),
  { name: 'vif.confirm', permission: 'vif.manage' },
  async ({ input, ctx }) => {
    await confirmHostedVif(ctx.actor, input.id, { dxGatewayId: input.dxGatewayId || undefined, vpnGatewayId: input.vpnGatewayId || undefined });
    revalidatePath(`/virtual-interfaces/${input.id}`);
    return null;
  },
);

export const startFailoverAction = authedAction(bgpFailoverSchema, { name: 'vif.failoverStart', permission: 'vif.manage' }, async ({ input, ctx }) => {
  await startFailoverTest(ctx.actor, input);
  revalidatePath(`/virtual-interfaces/${input.virtualInterfaceId}`);
  return null;
});

export const stopFailoverAction = authedAction(byId, { name: 'vif.failoverStop', permission: 'vif.manage' }, async ({ input, ctx }) => {
  await stopFailoverTest(ctx.actor, input.id);
  revalidatePath(`/virtual-interfaces/${input.id}`);
  return null;
});

export const saveRouterSettingsAction = authedAction(
  z.object({ id: z.string().min(1), settings: routerSettingsFormSchema }),
  { name: 'vif.routerSettings', permission: 'bundle.download' },
  async ({ input, ctx }) => {
    try {
      await saveRouterSettings(ctx.actor, input.id, input.settings);
    } catch (error) {
      // The use case names fields as the renderer does (router.hostname); the form nests them under `settings`.
      if (isAppError(error) && error.fieldErrors) {
        const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [`settings.${k}`, v]));
        throw new AppError(error.code, error.message, { fieldErrors });
      }
      throw error;
    }
    revalidatePath(`/virtual-interfaces/${input.id}`);
    return null;
  },
);
