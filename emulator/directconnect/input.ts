import { dxClientError, ServiceError } from '../errors.js';
import type { Tag } from '../state/types.js';

/** Typed readers over a JSON 1.1 input object; wrong types and missing members are client errors. */
export type Input = Record<string, unknown>;

function typeError(name: string, expected: string): ServiceError {
  return dxClientError(`Invalid value for parameter ${name}: expected ${expected}.`);
}

export function optString(input: Input, name: string): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw typeError(name, 'a string');
  return v;
}

export function reqString(input: Input, name: string): string {
  const v = optString(input, name);
  if (v === undefined || v.trim() === '') throw dxClientError(`Missing required parameter ${name}.`);
  return v;
}

export function optNumber(input: Input, name: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(name, 'an integer');
  return v;
}

export function reqNumber(input: Input, name: string): number {
  const v = optNumber(input, name);
  if (v === undefined) throw dxClientError(`Missing required parameter ${name}.`);
  return v;
}

export function optBool(input: Input, name: string): boolean | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw typeError(name, 'a boolean');
  return v;
}

export function optObject(input: Input, name: string): Input | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw typeError(name, 'an object');
  return v as Input;
}

export function reqObject(input: Input, name: string): Input {
  const v = optObject(input, name);
  if (v === undefined) throw dxClientError(`Missing required parameter ${name}.`);
  return v;
}

export function optList(input: Input, name: string): unknown[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw typeError(name, 'a list');
  return v;
}

export function optStringList(input: Input, name: string): string[] | undefined {
  const list = optList(input, name);
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (typeof item !== 'string') throw typeError(name, 'a list of strings');
    return item;
  });
}

/** `[{cidr}]` route filter prefix lists. */
export function optCidrList(input: Input, name: string): string[] | undefined {
  const list = optList(input, name);
  if (list === undefined) return undefined;
  return list.map((item) => {
    const cidr = typeof item === 'object' && item !== null ? (item as Input)['cidr'] : undefined;
    if (typeof cidr !== 'string' || cidr.trim() === '') throw typeError(`${name}.cidr`, 'a CIDR string');
    return cidr.trim();
  });
}

const TAG_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;
export const MAX_TAGS = 50;

/** Tag list rules from the model: key 1–128, value 0–256, pattern, unique keys, at most 50. */
export function readTags(input: Input, name = 'tags'): Tag[] {
  const list = optList(input, name);
  if (list === undefined) return [];
  const tags = list.map((item) => {
    if (typeof item !== 'object' || item === null) throw typeError(name, 'a list of tags');
    const t = item as Input;
    const key = t['key'];
    const value = t['value'];
    if (typeof key !== 'string' || key.length < 1 || key.length > 128 || !TAG_PATTERN.test(key)) {
      throw dxClientError(`Tag key '${String(key)}' is not valid: 1–128 characters of letters, numbers, spaces and _.:/=+-@.`);
    }
    if (key.toLowerCase().startsWith('aws:')) throw dxClientError(`Tag key '${key}' is not valid: the aws: prefix is reserved.`);
    if (value !== undefined && (typeof value !== 'string' || value.length > 256 || !TAG_PATTERN.test(value))) {
      throw dxClientError(`Tag value for key '${key}' is not valid: up to 256 characters of letters, numbers, spaces and _.:/=+-@.`);
    }
    return value === undefined ? { key } : { key, value };
  });
  const keys = new Set<string>();
  for (const t of tags) {
    if (keys.has(t.key)) throw new ServiceError('DuplicateTagKeysException', `A tag key was specified more than once: ${t.key}`);
    keys.add(t.key);
  }
  if (tags.length > MAX_TAGS) throw new ServiceError('TooManyTagsException', `A resource can have at most ${MAX_TAGS} tags.`);
  return tags;
}

/** Merge new tags over existing ones (same key updates the value), enforcing the 50-tag limit. */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const merged = new Map(existing.map((t) => [t.key, t]));
  for (const t of added) merged.set(t.key, t);
  if (merged.size > MAX_TAGS) {
    throw new ServiceError('TooManyTagsException', `You have reached the limit on the number of tags that can be assigned (${MAX_TAGS}).`);
  }
  return [...merged.values()];
}
