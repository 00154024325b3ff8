import { AppError, ErrorCode } from '../errors';

type SdkError = {
  name?: string;
  message?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
};

const throttlingNames = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

function asSdkError(error: unknown): SdkError {
  return typeof error === 'object' && error !== null ? (error as SdkError) : {};
}

export function awsErrorName(error: unknown): string {
  return asSdkError(error).name ?? 'Error';
}

/** Throttling, server faults and network failures: worth trying again later. */
export function isRetryableAwsError(error: unknown): boolean {
  const e = asSdkError(error);
  if (e.name && throttlingNames.has(e.name)) return true;
  if (e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (e.code && networkCodes.has(e.code)) return true;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  return false;
}

/** AWS's own words, short enough for a timeline or a NOC table; never a stack trace. */
export function awsErrorSummary(error: unknown): string {
  const e = asSdkError(error);
  const message = (e.message ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
  return message ? `${e.name ?? 'Error'}: ${message}` : (e.name ?? 'Unknown error');
}

/** Turns an AWS SDK failure into a message a customer or NOC engineer can act on. */
export function toAppError(error: unknown, context: { action: string; roleArn?: string; accountId?: string }): AppError {
  const e = asSdkError(error);
  if (isRetryableAwsError(error)) {
    return new AppError(
      ErrorCode.AwsUnavailable,
      `AWS did not answer while trying to ${context.action} (${e.name ?? 'network error'}). Nothing was changed; try again in a minute.`,
      { cause: error },
    );
  }
  if (e.name === 'AccessDenied' || e.name === 'AccessDeniedException' || e.name === 'UnauthorizedOperation') {
    const role = context.roleArn ? ` the IAM role ${context.roleArn}` : ' the IAM role';
    return new AppError(
      ErrorCode.AwsRejected,
      `AWS refused access to${role} while trying to ${context.action}. Check that the role exists, trusts our account and requires the external id shown on the AWS account page, and that its policy allows this call.`,
      { cause: error },
    );
  }
  return new AppError(ErrorCode.AwsRejected, `AWS rejected the request to ${context.action}: ${e.message ?? e.name ?? 'unknown error'}`, { cause: error });
}
