import { dxClientError } from '../errors.js';
import type { Tag } from '../state/types.js';
import type { DxContext } from './context.js';
import { type Input, mergeTags, optStringList, readTags, reqString } from './input.js';

type Tagged = { tags: Tag[] };

/**
 * Resolve `arn:aws:directconnect:<region>:<account>:dxcon|dxvif|dx-gateway/<id>` to a resource the
 * caller owns. DX gateways are global, so their ARN may carry an empty Region.
 */
function resolveArn(ctx: DxContext, arn: string): Tagged {
  const m = /^arn:aws:directconnect:([a-z0-9-]*):(\d{12}):(dxcon|dxvif|dxlag|dx-gateway)\/(.+)$/.exec(arn);
  if (!m) throw dxClientError(`${arn} is not a valid Direct Connect resource ARN.`);
  const [, region, account, kind, id] = m as unknown as [string, string, string, string, string];
  const notFound = () => dxClientError(`Resource ${arn} does not exist.`);
  if (account !== ctx.caller.accountId) throw notFound();
  if (kind === 'dxcon') {
    const conn = ctx.state.connections[id];
    if (!conn || conn.ownerAccount !== account || conn.region !== region) throw notFound();
    return conn;
  }
  if (kind === 'dxvif') {
    const vif = ctx.state.vifs[id];
    if (!vif || vif.ownerAccount !== account || vif.region !== region) throw notFound();
    return vif;
  }
  if (kind === 'dx-gateway') {
    const gw = ctx.state.dxGateways[id];
    if (!gw || gw.ownerAccount !== account || gw.state === 'deleted') throw notFound();
    return gw;
  }
  throw notFound();
}

export function tagResource(ctx: DxContext, input: Input): unknown {
  const resource = resolveArn(ctx, reqString(input, 'resourceArn'));
  const tags = readTags(input);
  if (tags.length === 0) throw dxClientError('Missing required parameter tags (at least one tag).');
  resource.tags = mergeTags(resource.tags, tags);
  return {};
}

export function untagResource(ctx: DxContext, input: Input): unknown {
  const resource = resolveArn(ctx, reqString(input, 'resourceArn'));
  const keys = optStringList(input, 'tagKeys');
  if (!keys || keys.length === 0) throw dxClientError('Missing required parameter tagKeys (at least one key).');
  const remove = new Set(keys);
  resource.tags = resource.tags.filter((t) => !remove.has(t.key));
  return {};
}

export function describeTags(ctx: DxContext, input: Input): unknown {
  const arns = optStringList(input, 'resourceArns');
  if (!arns || arns.length === 0) throw dxClientError('Missing required parameter resourceArns.');
  if (arns.length > 20) throw dxClientError('At most 20 resource ARNs can be described at once.');
  return {
    resourceTags: arns.map((arn) => ({
      resourceArn: arn,
      tags: resolveArn(ctx, arn).tags.map((t) => (t.value === undefined ? { key: t.key } : { key: t.key, value: t.value })),
    })),
  };
}
