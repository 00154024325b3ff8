import { z } from 'zod';

/**
 * Inputs of the gateway actions that only name a gateway or an association. The create, attach,
 * associate and propagation schemas live in `lib/domain/gateways` (shared with the forms).
 * Isomorphic: imported by client components.
 */
const id = (message: string) => z.string({ error: message }).trim().min(1, message);

export const dxGatewayIdSchema = z.object({ dxGatewayId: id('Choose a Direct Connect gateway.') });
export const vpnGatewayIdSchema = z.object({ vpnGatewayId: id('Choose a virtual private gateway.') });
export const associationIdSchema = z.object({ associationId: id('Choose an association.') });
