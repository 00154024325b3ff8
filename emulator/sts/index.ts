import type { Caller } from '../auth/identity.js';
import { ServiceError } from '../errors.js';
import type { QueryParams, XmlValue } from '../protocols/query-xml.js';
import { randomSecret, randomUpper, stableChars } from '../state/ids.js';
import type { State } from '../state/types.js';

export type StsContext = { caller: Caller; state: State; now: () => number };
export type StsHandler = (ctx: StsContext, params: QueryParams) => Record<string, XmlValue>;

const validation = (message: string) => new ServiceError('ValidationError', message, 400);

function required(params: QueryParams, name: string, member: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') {
    throw validation(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function roleIdFor(accountId: string, roleName: string): string {
  return `AROA${stableChars(`${accountId}:role:${roleName}`, 17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
}

/**
 * AssumeRole: the role must exist in the target account, trust the caller's account, and the
 * ExternalId must match; otherwise AccessDenied naming the caller and the role (issue 3).
 */
export function assumeRole(ctx: StsContext, params: QueryParams): Record<string, XmlValue> {
  const roleArn = required(params, 'RoleArn', 'roleArn');
  const sessionName = required(params, 'RoleSessionName', 'roleSessionName');
  if (roleArn.length < 20 || roleArn.length > 2048) {
    throw validation(`1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`);
  }
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw validation(`1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`);
  }
  const externalId = params.get('ExternalId');
  if (externalId !== undefined && (externalId.length < 2 || externalId.length > 1224)) {
    throw validation(`1 validation error detected: Value at 'externalId' failed to satisfy constraint: Member must have length between 2 and 1224`);
  }
  const durationText = params.get('DurationSeconds');
  const duration = durationText === undefined ? 3600 : Number(durationText);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
    throw validation(`1 validation error detected: Value '${durationText ?? ''}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`);
  }
  const m = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(roleArn);
  if (!m?.[1] || !m[2]) throw validation(`${roleArn} is invalid`);
  const [accountId, roleName] = [m[1], m[2]];
  const role = ctx.state.accounts[accountId]?.roles[roleName];
  const denied = new ServiceError('AccessDenied', `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
  if (!role || role.trustedAccountId !== ctx.caller.accountId || role.externalId !== externalId) throw denied;
  if (duration > role.maxSessionDuration) throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');

  const now = ctx.now();
  for (const [key, cred] of Object.entries(ctx.state.tempCredentials)) {
    if (cred.expiresAt < now - 86_400_000) delete ctx.state.tempCredentials[key];
  }
  const roleId = roleIdFor(accountId, roleName);
  const cred = {
    accessKeyId: `ASIA${randomUpper(16)}`,
    secretAccessKey: randomSecret(40),
    sessionToken: `FwoGZXIvYXdzE${randomSecret(340)}`,
    accountId,
    roleName,
    roleId,
    sessionName,
    expiresAt: now + duration * 1000,
  };
  ctx.state.tempCredentials[cred.accessKeyId] = cred;
  return {
    Credentials: {
      AccessKeyId: cred.accessKeyId,
      SecretAccessKey: cred.secretAccessKey,
      SessionToken: cred.sessionToken,
      Expiration: new Date(cred.expiresAt).toISOString(),
    },
    AssumedRoleUser: { AssumedRoleId: `${roleId}:${sessionName}`, Arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}` },
    PackedPolicySize: 0,
  };
}

export function getCallerIdentity(ctx: StsContext): Record<string, XmlValue> {
  return { UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
}

export const STS_OPERATIONS: Record<string, StsHandler> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
