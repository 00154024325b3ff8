/** Expected failures are values of these codes; anything else is a bug and is logged with an id. */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Invalid: 'INVALID',
  RateLimited: 'RATE_LIMITED',
  AwsRejected: 'AWS_REJECTED',
  AwsUnavailable: 'AWS_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure whose message is safe to show to the user who caused it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  /** Several fields at once (e.g. rules that need the database); each shown beside its field. */
  readonly fieldErrors?: Partial<Record<string, string[]>>;
  /** For conflicts: the values that clash (e.g. the VLAN and the interface holding it), for API clients. */
  readonly conflict?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options?: { field?: string; fieldErrors?: Partial<Record<string, string[]>>; conflict?: Record<string, unknown>; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options?.field;
    this.fieldErrors = options?.fieldErrors;
    this.conflict = options?.conflict;
  }
}

export const notFound = (what: string) => new AppError(ErrorCode.NotFound, `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do that.') => new AppError(ErrorCode.Forbidden, message);
export const conflict = (message: string, field?: string, values?: Record<string, unknown>) => new AppError(ErrorCode.Conflict, message, { field, conflict: values });
export const invalid = (message: string, field?: string) => new AppError(ErrorCode.Invalid, message, { field });

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
