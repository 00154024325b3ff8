import { randomAwsAccountId } from '../db/seed/factories';

/**
 * The AWS sandbox's control API for tests: what technicians, customer routers and AWS itself do
 * outside the portal. Tests use it to act out the physical world and to inject faults.
 */
export class SandboxControl {
  constructor(readonly baseUrl: string) {}

  static fromEnv(): SandboxControl {
    const url = process.env.DX_SANDBOX_CONTROL_URL;
    if (!url) throw new Error('DX_SANDBOX_CONTROL_URL is not set');
    return new SandboxControl(url.replace(/\/$/, ''));
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A customer AWS account with the portal's IAM role, as the customer would set it up. */
  async createCustomerAccount(input: { accountId?: string; externalId: string; roleName?: string; trustedAccountId?: string }) {
    const accountId = input.accountId ?? randomAwsAccountId();
    const credentials = await this.call<{ accessKeyId: string; secretAccessKey: string }>('POST', '/accounts', { accountId, regions: ['us-east-1', 'eu-central-1'] });
    await this.call('PUT', `/accounts/${accountId}/roles/${input.roleName ?? 'DxPortalAccess'}`, {
      trustedAccountId: input.trustedAccountId ?? '111111111111',
      externalId: input.externalId,
    });
    return { accountId, ...credentials };
  }

  review(awsConnectionId: string) {
    return this.call('POST', `/connections/${awsConnectionId}/review`);
  }

  crossConnect(awsConnectionId: string, state: 'patched' | 'cut') {
    return this.call('POST', `/connections/${awsConnectionId}/cross-connect`, { state });
  }

  bgp(vifId: string, status: 'up' | 'down', addressFamily?: 'ipv4' | 'ipv6') {
    return this.call('POST', `/virtual-interfaces/${vifId}/bgp`, { status, addressFamily });
  }

  addFault(fault: { operation?: string; service?: 'directconnect' | 'ec2' | 'sts'; kind: 'throttle' | 'server-error' | 'latency'; count?: number; fraction?: number; latencyMs?: number; seed?: number }) {
    return this.call<{ id: string }>('POST', '/faults', fault);
  }

  async faults() {
    const body = await this.call<{ faults: Array<{ id: string; operation?: string; kind: string; fired: number; remaining?: number }> }>('GET', '/faults');
    return body.faults;
  }

  clearFaults() {
    return this.call('DELETE', '/faults');
  }

  advanceClock(seconds: number) {
    return this.call('POST', '/clock', { advanceSeconds: seconds });
  }
}
