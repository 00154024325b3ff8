import { readFileSync } from 'node:fs';
import { z } from 'zod';

const roleSchema = z.object({
  roleName: z.string().min(1).max(64),
  trustedAccountId: z.string().regex(/^\d{12}$/),
  externalId: z.string().min(2).max(1224),
  maxSessionDuration: z.number().int().min(3600).max(43200).optional(),
});

const accountSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  name: z.string().min(1),
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/),
  secretAccessKey: z.string().min(16),
  userName: z.string().min(1).optional(),
  partner: z.boolean().optional(),
  roles: z.array(roleSchema).optional(),
  /** Regions in which to seed VPCs (with route tables) for this account. */
  vpcRegions: z.array(z.string()).optional(),
});

export const configSchema = z.object({ accounts: z.array(accountSchema).min(1) });

export type AccountConfig = z.infer<typeof accountSchema>;
export type SandboxConfig = z.infer<typeof configSchema>;

export const DEMO_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1'];

function demoCustomer(accountId: string, digit: string): AccountConfig {
  return {
    accountId,
    name: `Demo Customer ${digit}`,
    accessKeyId: `AKIASANDBOXCUSTOMER${digit}`,
    secretAccessKey: `sandbox-customer${digit}-secret-key-000000000`,
    userName: 'sandbox-admin',
    roles: [{ roleName: 'DxPortalAccess', trustedAccountId: '111111111111', externalId: `demo-external-id-${accountId}` }],
    vpcRegions: DEMO_REGIONS,
  };
}

/** The demo accounts (issue 3): one partner, two customers trusting it through an IAM role. */
export const DEFAULT_CONFIG: SandboxConfig = {
  accounts: [
    {
      accountId: '111111111111',
      name: 'Colo Provider',
      accessKeyId: 'AKIASANDBOXPROVIDER1',
      secretAccessKey: 'sandbox-provider-secret-key-0000000000',
      userName: 'dx-portal',
      partner: true,
      roles: [],
      vpcRegions: [],
    },
    demoCustomer('222222222222', '2'),
    demoCustomer('333333333333', '3'),
  ],
};

export function loadConfigFile(path: string): SandboxConfig {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid SANDBOX_CONFIG ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const a of parsed.data.accounts) {
    if (ids.has(a.accountId)) throw new Error(`Invalid SANDBOX_CONFIG ${path}: account ${a.accountId} listed twice`);
    if (keys.has(a.accessKeyId)) throw new Error(`Invalid SANDBOX_CONFIG ${path}: access key ${a.accessKeyId} used twice`);
    ids.add(a.accountId);
    keys.add(a.accessKeyId);
  }
  return parsed.data;
}
