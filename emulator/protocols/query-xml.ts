import { ServiceError } from '../errors.js';

/** A value rendered as XML: objects become child elements, arrays become `<item>` lists. */
export type XmlValue = string | number | boolean | undefined | XmlValue[] | { [name: string]: XmlValue };

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function xmlElement(name: string, value: XmlValue, itemName = 'item'): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    return `<${name}>${value.map((v) => xmlElement(itemName, v, itemName)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value).map(([k, v]) => xmlElement(k, v, itemName)).join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** EC2 query success: `<ActionResponse xmlns=…><requestId/>members…</ActionResponse>` (no Result wrapper). */
export function ec2ResponseXml(action: string, requestId: string, members: Record<string, XmlValue>): string {
  const inner = Object.entries(members).map(([k, v]) => xmlElement(k, v)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_NAMESPACE}"><requestId>${requestId}</requestId>${inner}</${action}Response>`;
}

export function ec2ErrorXml(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
}

/** STS (awsQuery) success: `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata/>`. */
export function stsResponseXml(action: string, requestId: string, result: Record<string, XmlValue>): string {
  const inner = Object.entries(result).map(([k, v]) => xmlElement(k, v, 'member')).join('');
  return `<${action}Response xmlns="${STS_NAMESPACE}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function stsErrorXml(code: string, message: string, requestId: string, status: number): string {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

export type Filter = { name: string; values: string[] };

/** Query-protocol parameters with the flattened 1-based list conventions of EC2 (§3.1). */
export class QueryParams {
  constructor(private readonly params: URLSearchParams) {}

  get action(): string | undefined {
    return this.params.get('Action') ?? undefined;
  }

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  required(name: string): string {
    const value = this.params.get(name);
    if (value === null || value === '') {
      throw new ServiceError('MissingParameter', `The request must contain the parameter ${name}`);
    }
    return value;
  }

  bool(name: string): boolean {
    return this.params.get(name)?.toLowerCase() === 'true';
  }

  int(name: string): number | undefined {
    const raw = this.params.get(name);
    if (raw === null) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n)) throw new ServiceError('InvalidParameterValue', `Invalid value '${raw}' for ${name}`);
    return n;
  }

  /** `Name.1`, `Name.2`, … in index order (indexes need not be contiguous). */
  list(prefix: string): string[] {
    const found: [number, string][] = [];
    for (const [key, value] of this.params) {
      const m = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`).exec(key);
      if (m) found.push([Number(m[1]), value]);
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  private indexes(prefix: string): number[] {
    const set = new Set<number>();
    for (const key of this.params.keys()) {
      const m = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(key);
      if (m) set.add(Number(m[1]));
    }
    return [...set].sort((a, b) => a - b);
  }

  filters(): Filter[] {
    return this.indexes('Filter').map((i) => ({
      name: this.params.get(`Filter.${i}.Name`) ?? '',
      values: this.list(`Filter.${i}.Value`),
    }));
  }

  tagSpecifications(): { resourceType: string; tags: { key: string; value: string }[] }[] {
    return this.indexes('TagSpecification').map((i) => ({
      resourceType: this.params.get(`TagSpecification.${i}.ResourceType`) ?? '',
      tags: this.indexes(`TagSpecification\\.${i}\\.Tag`).map((j) => ({
        key: this.params.get(`TagSpecification.${i}.Tag.${j}.Key`) ?? '',
        value: this.params.get(`TagSpecification.${i}.Tag.${j}.Value`) ?? '',
      })),
    }));
  }
}
