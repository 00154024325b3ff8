import { ServiceError } from '../errors.js';
import { stableChars } from '../state/ids.js';
import type { State } from '../state/types.js';
import { type AuthProblem, parseAuthorization, type RawRequest, verifySigV4 } from './sigv4.js';

export type Service = 'directconnect' | 'ec2' | 'sts';

export type Caller = {
  accountId: string;
  region: string;
  accessKeyId: string;
  arn: string;
  userId: string;
  /** Temporary credentials from AssumeRole. */
  assumedRole?: { roleName: string; sessionName: string };
};

type Problem = AuthProblem['kind'] | 'unknown-key' | 'expired-token';

const CODES: Record<Service, Record<Problem, [string, number]>> = {
  directconnect: {
    missing: ['MissingAuthenticationTokenException', 403],
    incomplete: ['IncompleteSignatureException', 403],
    mismatch: ['InvalidSignatureException', 403],
    expired: ['InvalidSignatureException', 403],
    'unknown-key': ['UnrecognizedClientException', 403],
    'expired-token': ['ExpiredTokenException', 403],
  },
  ec2: {
    missing: ['MissingAuthenticationToken', 403],
    incomplete: ['IncompleteSignature', 403],
    mismatch: ['SignatureDoesNotMatch', 403],
    expired: ['RequestExpired', 400],
    'unknown-key': ['AuthFailure', 401],
    'expired-token': ['RequestExpired', 400],
  },
  sts: {
    missing: ['MissingAuthenticationToken', 403],
    incomplete: ['IncompleteSignature', 403],
    mismatch: ['SignatureDoesNotMatch', 403],
    expired: ['SignatureDoesNotMatch', 403],
    'unknown-key': ['InvalidClientTokenId', 403],
    'expired-token': ['ExpiredToken', 403],
  },
};

function fail(service: Service, problem: Problem, message: string): ServiceError {
  const [code, status] = CODES[service][problem];
  return new ServiceError(code, message, status);
}

const INVALID_TOKEN: Record<Service, string> = {
  directconnect: 'The security token included in the request is invalid.',
  ec2: 'AWS was not able to validate the provided access credentials',
  sts: 'The security token included in the request is invalid.',
};

/** The IAM user id (`AIDA…`) of an account's sandbox user. */
export function userIdFor(accountId: string): string {
  return `AIDA${stableChars(`${accountId}:user`, 17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
}

/**
 * Authenticate an AWS request: SigV4 header present and well-formed, access key known (a
 * configured account or live temporary credentials with a matching session token), signature
 * valid, credential scope naming this service. Returns the caller; region from the scope.
 */
export function authenticate(service: Service, req: RawRequest, state: State, sandboxNowMs: number): Caller {
  const header = rawHeader(req.rawHeaders, 'authorization');
  const auth = parseAuthorization(header);
  if ('kind' in auth) throw fail(service, auth.kind, auth.message);
  if (auth.service !== service) {
    throw fail(service, 'mismatch', `Credential should be scoped to correct service: '${service}'.`);
  }
  const account = Object.values(state.accounts).find((a) => a.accessKeyId === auth.accessKeyId);
  if (account) {
    const problem = verifySigV4(req, auth, account.secretAccessKey, Date.now());
    if (problem) throw fail(service, problem.kind, problem.message);
    return {
      accountId: account.accountId,
      region: auth.region,
      accessKeyId: auth.accessKeyId,
      arn: `arn:aws:iam::${account.accountId}:user/${account.userName}`,
      userId: userIdFor(account.accountId),
    };
  }
  const temp = state.tempCredentials[auth.accessKeyId];
  if (!temp) throw fail(service, 'unknown-key', INVALID_TOKEN[service]);
  const token = rawHeader(req.rawHeaders, 'x-amz-security-token');
  if (token !== temp.sessionToken) throw fail(service, 'unknown-key', INVALID_TOKEN[service]);
  const problem = verifySigV4(req, auth, temp.secretAccessKey, Date.now());
  if (problem) throw fail(service, problem.kind, problem.message);
  if (temp.expiresAt <= sandboxNowMs) {
    throw fail(service, 'expired-token', service === 'ec2' ? 'Request has expired.' : 'The security token included in the request is expired');
  }
  if (!state.accounts[temp.accountId]) throw fail(service, 'unknown-key', INVALID_TOKEN[service]);
  return {
    accountId: temp.accountId,
    region: auth.region,
    accessKeyId: auth.accessKeyId,
    arn: `arn:aws:sts::${temp.accountId}:assumed-role/${temp.roleName}/${temp.sessionName}`,
    userId: `${temp.roleId}:${temp.sessionName}`,
    assumedRole: { roleName: temp.roleName, sessionName: temp.sessionName },
  };
}

export function rawHeader(rawHeaders: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if ((rawHeaders[i] ?? '').toLowerCase() === name) return rawHeaders[i + 1];
  }
  return undefined;
}

/** The signing service named in the Authorization header's credential scope, if any. */
export function scopeService(rawHeaders: string[]): string | undefined {
  const auth = parseAuthorization(rawHeader(rawHeaders, 'authorization'));
  return 'kind' in auth ? undefined : auth.service;
}
