/**
 * A failure the sandbox reports to the caller in the protocol's own error format.
 * `code` is the AWS error code (`__type` for JSON, `<Code>` for query protocols).
 */
export class ServiceError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** The catch-all Direct Connect business-rule failure (§1, §7.6): HTTP 400 with free text. */
export function dxClientError(message: string): ServiceError {
  return new ServiceError('DirectConnectClientException', message, 400);
}

/** A control-API failure: JSON `{error}` with an HTTP status. */
export class ControlError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}
