import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type MemberRef = { shape: string };
type Shape = {
  type: string;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  min?: number;
  max?: number;
  exception?: boolean;
};
type Operation = { output?: MemberRef; errors?: MemberRef[] };
type Model = { operations: Record<string, Operation>; shapes: Record<string, Shape> };

const MODEL_PATH = fileURLToPath(new URL('../model/directconnect-2012-10-25.service-2.json', import.meta.url));
export const DX_MODEL = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as Model;

/** Errors any AWS JSON endpoint may answer regardless of the operation's modeled errors. */
const COMMON_ERRORS = new Set([
  'ThrottlingException',
  'UnknownOperationException',
  'SerializationException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'DirectConnectServerException',
]);

function check(shapeName: string, value: unknown, path: string, problems: string[]): void {
  const shape = DX_MODEL.shapes[shapeName];
  if (!shape) {
    problems.push(`${path}: shape ${shapeName} missing from model`);
    return;
  }
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push(`${path}: expected structure ${shapeName}, got ${JSON.stringify(value)}`);
        return;
      }
      const obj = value as Record<string, unknown>;
      for (const req of shape.required ?? []) if (obj[req] === undefined) problems.push(`${path}.${req}: required member missing`);
      for (const [key, v] of Object.entries(obj)) {
        const member = shape.members?.[key];
        if (!member) problems.push(`${path}.${key}: not a member of ${shapeName}`);
        else if (v !== null) check(member.shape, v, `${path}.${key}`, problems);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) problems.push(`${path}: expected list ${shapeName}`);
      else value.forEach((item, i) => check(shape.member?.shape ?? '', item, `${path}[${i}]`, problems));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null) problems.push(`${path}: expected map ${shapeName}`);
      else for (const [k, v] of Object.entries(value)) check(shape.value?.shape ?? '', v, `${path}{${k}}`, problems);
      return;
    case 'string':
      if (typeof value !== 'string') problems.push(`${path}: expected string, got ${typeof value}`);
      else {
        if (shape.enum && !shape.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not in enum ${shapeName} (${shape.enum.join(', ')})`);
        if (shape.min !== undefined && value.length < shape.min) problems.push(`${path}: shorter than ${shape.min}`);
        if (shape.max !== undefined && value.length > shape.max) problems.push(`${path}: longer than ${shape.max}`);
      }
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) problems.push(`${path}: expected ${shape.type}, got ${JSON.stringify(value)}`);
      else if ((shape.min !== undefined && value < shape.min) || (shape.max !== undefined && value > shape.max)) problems.push(`${path}: ${value} out of range`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${path}: expected boolean, got ${JSON.stringify(value)}`);
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${path}: expected epoch-seconds number, got ${JSON.stringify(value)}`);
      return;
    case 'blob':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) problems.push(`${path}: expected base64 string`);
      return;
    case 'double':
    case 'float':
      if (typeof value !== 'number') problems.push(`${path}: expected number`);
      return;
    default:
      problems.push(`${path}: unhandled shape type ${shape.type}`);
  }
}

/**
 * Check one raw Direct Connect response against the model: the operation's output shape for
 * 200s (required members, enums, types, no unknown members), a known `__type` for errors.
 */
export function validateDxResponse(operation: string, status: number, body: string): string[] {
  const problems: string[] = [];
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [`body is not JSON: ${body.slice(0, 80)}`];
  }
  const op = DX_MODEL.operations[operation];
  if (status === 200) {
    if (!op) return [`operation ${operation} is not in the model`];
    if (!op.output) {
      if (JSON.stringify(value) !== '{}') problems.push('operation has no output but body is not {}');
      return problems;
    }
    check(op.output.shape, value, operation, problems);
    return problems;
  }
  const err = value as { __type?: unknown; message?: unknown };
  const code = typeof err.__type === 'string' ? err.__type : undefined;
  if (!code) return [`error without __type: ${body}`];
  const modeled = new Set((op?.errors ?? []).map((e) => e.shape));
  if (!modeled.has(code) && !COMMON_ERRORS.has(code)) problems.push(`error ${code} is neither modeled for ${operation} nor a common error`);
  if (err.message !== undefined && typeof err.message !== 'string') problems.push('error message is not a string');
  if (code === 'DirectConnectServerException' && status !== 500) problems.push('DirectConnectServerException must be HTTP 500');
  if (code === 'DirectConnectClientException' && status !== 400) problems.push('DirectConnectClientException must be HTTP 400');
  for (const key of Object.keys(err)) if (key !== '__type' && key !== 'message') problems.push(`error body has unexpected member ${key}`);
  return problems;
}
