import 'server-only';
import { DirectConnectClient } from '@aws-sdk/client-direct-connect';
import { EC2Client } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { env } from '../env';

/**
 * SDK clients for the provider's own account (default credential chain) and for customers'
 * accounts (STS AssumeRole with the external id the portal generated). Endpoints and base
 * credentials come only from the standard SDK configuration, so the same code talks to real AWS
 * or to the sandbox.
 */
export type CustomerAccountRef = { accountId: string; roleArn: string; externalId: string };
export type AwsTarget = { kind: 'provider' } | { kind: 'customer'; account: CustomerAccountRef };

const clientDefaults = { maxAttempts: 6, retryMode: 'standard' as const };
const cache = new Map<string, DirectConnectClient | EC2Client | STSClient>();
const assumed = new Map<string, Promise<AwsCredentialIdentity>>();

function stsClient(region: string): STSClient {
  const key = `sts:${region}`;
  let client = cache.get(key) as STSClient | undefined;
  if (!client) {
    client = new STSClient({ region, ...clientDefaults });
    cache.set(key, client);
  }
  return client;
}

async function assumeRole(account: CustomerAccountRef): Promise<AwsCredentialIdentity> {
  const response = await stsClient(env().AWS_REGION).send(
    new AssumeRoleCommand({
      RoleArn: account.roleArn,
      RoleSessionName: `dx-portal-${account.accountId}`,
      ExternalId: account.externalId,
      DurationSeconds: 3600,
    }),
  );
  const c = response.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('STS AssumeRole returned no credentials');
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
}

/** Temporary credentials for a customer's role, shared across clients and renewed before they expire. */
function customerCredentials(account: CustomerAccountRef): AwsCredentialIdentityProvider {
  const key = `${account.roleArn}|${account.externalId}`;
  return async () => {
    let pending = assumed.get(key);
    const current = pending ? await pending.catch(() => undefined) : undefined;
    const fresh = current?.expiration && current.expiration.getTime() - Date.now() > 5 * 60_000;
    if (!pending || !fresh) {
      pending = assumeRole(account);
      assumed.set(key, pending);
      pending.catch(() => assumed.delete(key));
    }
    return pending;
  };
}

function targetKey(target: AwsTarget): string {
  return target.kind === 'provider' ? 'provider' : `${target.account.roleArn}|${target.account.externalId}`;
}

function credentialsFor(target: AwsTarget): AwsCredentialIdentityProvider | undefined {
  return target.kind === 'provider' ? undefined : customerCredentials(target.account);
}

export function directConnect(target: AwsTarget, region: string): DirectConnectClient {
  const key = `dx:${region}:${targetKey(target)}`;
  let client = cache.get(key) as DirectConnectClient | undefined;
  if (!client) {
    client = new DirectConnectClient({ region, credentials: credentialsFor(target), ...clientDefaults });
    cache.set(key, client);
  }
  return client;
}

export function ec2(target: AwsTarget, region: string): EC2Client {
  const key = `ec2:${region}:${targetKey(target)}`;
  let client = cache.get(key) as EC2Client | undefined;
  if (!client) {
    client = new EC2Client({ region, credentials: credentialsFor(target), ...clientDefaults });
    cache.set(key, client);
  }
  return client;
}

/**
 * Proves the portal can act in the customer's account: assumes the role (fresh, not cached) and
 * asks STS who it is. Returns the account id STS reports.
 */
export async function verifyCustomerRole(account: CustomerAccountRef): Promise<string> {
  const credentials = await assumeRole(account);
  const client = new STSClient({ region: env().AWS_REGION, credentials, ...clientDefaults });
  const identity = await client.send(new GetCallerIdentityCommand({}));
  client.destroy();
  assumed.set(`${account.roleArn}|${account.externalId}`, Promise.resolve(credentials));
  return identity.Account ?? '';
}

/** Forgets cached temporary credentials (after a role changes). */
export function forgetCustomerCredentials(account: CustomerAccountRef): void {
  assumed.delete(`${account.roleArn}|${account.externalId}`);
}
