import 'server-only';
import { env } from '../env';
import { logger } from '../log';

/**
 * The one sandbox-aware piece of the app. With DX_SANDBOX_CONTROL_URL set, it acts out what
 * people and machines outside the portal do in reality, through the sandbox's control API:
 * a technician patching fibre, a customer's router bringing BGP up, a customer creating the
 * IAM role in their account. Without it (real AWS) every method is absent and the portal waits
 * for AWS to report the change.
 */
export type PhysicalWorld = {
  crossConnect(awsConnectionId: string, state: 'patched' | 'cut'): Promise<void>;
  customerRouterBgp(awsVirtualInterfaceId: string, status: 'up' | 'down'): Promise<void>;
  createCustomerRole(input: { accountId: string; roleName: string; trustedAccountId: string; externalId: string }): Promise<void>;
};

async function call(base: string, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new Error(`Sandbox control API ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

export function physicalWorld(): PhysicalWorld | null {
  const base = env().DX_SANDBOX_CONTROL_URL?.replace(/\/$/, '');
  if (!base) return null;
  return {
    async crossConnect(awsConnectionId, state) {
      logger().info({ awsConnectionId, state }, 'sandbox: cross-connect');
      await call(base, 'POST', `/connections/${encodeURIComponent(awsConnectionId)}/cross-connect`, { state });
    },
    async customerRouterBgp(awsVirtualInterfaceId, status) {
      logger().info({ awsVirtualInterfaceId, status }, 'sandbox: customer router BGP');
      await call(base, 'POST', `/virtual-interfaces/${encodeURIComponent(awsVirtualInterfaceId)}/bgp`, { status });
    },
    async createCustomerRole({ accountId, roleName, trustedAccountId, externalId }) {
      await call(base, 'POST', '/accounts', { accountId });
      await call(base, 'PUT', `/accounts/${accountId}/roles/${encodeURIComponent(roleName)}`, { trustedAccountId, externalId });
    },
  };
}
