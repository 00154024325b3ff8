import type { ServiceError } from '../errors.js';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** An awsJson1_1 error body: only the shape name in `__type` (Smithy spec) plus `message`. */
export function jsonErrorBody(err: ServiceError): string {
  return JSON.stringify({ __type: err.code, message: err.message });
}

/** Parse a JSON 1.1 request body; an empty body counts as `{}`. */
export function parseJsonInput(body: Buffer): Record<string, unknown> | undefined {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
