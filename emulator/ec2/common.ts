import { ServiceError } from '../errors.js';
import type { DxContext } from '../directconnect/context.js';
import type { Filter, QueryParams, XmlValue } from '../protocols/query-xml.js';
import type { Tag } from '../state/types.js';

/** EC2 handlers share the Direct Connect context shape (caller, Region, state, clock, delays). */
export type Ec2Context = DxContext;
export type Ec2Handler = (ctx: Ec2Context, params: QueryParams) => Record<string, XmlValue>;

export function ec2Error(code: string, message: string, status = 400): ServiceError {
  return new ServiceError(code, message, status);
}

export function checkDryRun(params: QueryParams): void {
  if (params.bool('DryRun')) throw ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
}

export function tagSet(tags: Tag[]): XmlValue {
  return tags.map((t) => ({ key: t.key, value: t.value ?? '' }));
}

function globToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/**
 * EC2 filter semantics: filters AND together, values of one filter OR together, `*`/`?` wildcards.
 * `resolve(name)` gives a resource's values for a filter, or undefined for an unknown filter name.
 */
export function matchesFilters(filters: Filter[], tags: Tag[], resolve: (name: string) => string[] | undefined): boolean {
  return filters.every((f) => {
    let values: string[] | undefined;
    if (f.name.startsWith('tag:')) {
      const key = f.name.slice(4);
      values = tags.filter((t) => t.key === key).map((t) => t.value ?? '');
    } else if (f.name === 'tag-key') {
      values = tags.map((t) => t.key);
    } else {
      values = resolve(f.name);
    }
    if (values === undefined) throw ec2Error('InvalidParameterValue', `The filter '${f.name}' is invalid`);
    const have = values;
    return f.values.some((pattern) => have.some((v) => globToRegex(pattern).test(v)));
  });
}

/** EC2 `MaxResults`/`NextToken` paging with the per-operation bounds of the EC2 API. */
export function ec2Paginate<T>(items: T[], params: QueryParams, operation: string, min: number, max: number): { page: T[]; nextToken?: string } {
  const maxResults = params.int('MaxResults');
  const token = params.get('NextToken');
  let offset = 0;
  if (token) {
    try {
      const d = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; op?: unknown };
      if (typeof d.o !== 'number' || d.op !== operation) throw new Error('bad token');
      offset = d.o;
    } catch {
      throw ec2Error('InvalidNextToken', 'The token is not valid.');
    }
  }
  if (maxResults !== undefined && (maxResults < min || maxResults > max)) {
    throw ec2Error('InvalidParameterValue', `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`);
  }
  const size = maxResults ?? items.length;
  const page = items.slice(offset, offset + size);
  const end = offset + size;
  return end < items.length ? { page, nextToken: Buffer.from(JSON.stringify({ o: end, op: operation })).toString('base64url') } : { page };
}
