import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { authenticate, type Caller, rawHeader, type Service, scopeService } from './auth/identity.js';
import type { RawRequest } from './auth/sigv4.js';
import { handleControl } from './control.js';
import { DX_OPERATIONS } from './directconnect/index.js';
import { EC2_OPERATIONS } from './ec2/index.js';
import { ControlError, ServiceError } from './errors.js';
import { JSON_CONTENT_TYPE, jsonErrorBody, parseJsonInput } from './protocols/json.js';
import { ec2ErrorXml, ec2ResponseXml, QueryParams, stsErrorXml, stsResponseXml } from './protocols/query-xml.js';
import type { Runtime } from './runtime.js';
import { uuid } from './state/ids.js';
import { STS_OPERATIONS } from './sts/index.js';

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';

type Reply = { status: number; contentType: string; body: string };
type Routed = { service: Service; operation: string; params?: QueryParams };

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new ServiceError('RequestEntityTooLarge', 'Request body is too large.', 413);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Which protocol a request speaks: `X-Amz-Target: OvertureService.*` is Direct Connect JSON 1.1;
 * otherwise the form's Version (2016-11-15 EC2, 2011-06-15 STS) or the SigV4 scope's service.
 */
function route(req: IncomingMessage, query: string, body: Buffer): Routed | undefined {
  const target = rawHeader(req.rawHeaders, 'x-amz-target');
  const scope = scopeService(req.rawHeaders);
  if (target !== undefined || scope === 'directconnect') {
    const operation = target?.startsWith('OvertureService.') ? target.slice('OvertureService.'.length) : (target ?? '');
    return { service: 'directconnect', operation };
  }
  const params = new URLSearchParams(query);
  const contentType = rawHeader(req.rawHeaders, 'content-type') ?? '';
  if (req.method === 'POST' && (contentType.startsWith('application/x-www-form-urlencoded') || contentType === '')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.append(k, v);
  }
  const version = params.get('Version');
  const service: Service | undefined =
    scope === 'ec2' || version === '2016-11-15' ? 'ec2' : scope === 'sts' || version === '2011-06-15' ? 'sts' : undefined;
  return service ? { service, operation: params.get('Action') ?? '', params: new QueryParams(params) } : undefined;
}

function errorReply(service: Service, err: ServiceError, requestId: string): Reply {
  if (service === 'directconnect') return { status: err.status, contentType: JSON_CONTENT_TYPE, body: jsonErrorBody(err) };
  if (service === 'ec2') return { status: err.status, contentType: XML_CONTENT_TYPE, body: ec2ErrorXml(err.code, err.message, requestId) };
  return { status: err.status, contentType: XML_CONTENT_TYPE, body: stsErrorXml(err.code, err.message, requestId, err.status) };
}

const INTERNAL: Record<Service, () => ServiceError> = {
  directconnect: () => new ServiceError('DirectConnectServerException', 'A server-side error occurred.', 500),
  ec2: () => new ServiceError('InternalError', 'An internal error has occurred', 500),
  sts: () => new ServiceError('InternalFailure', 'An internal failure occurred.', 500),
};

async function execute(rt: Runtime, routed: Routed, caller: Caller, body: Buffer, requestId: string): Promise<Reply> {
  const { service, operation } = routed;
  const ctx = { caller, region: caller.region, state: rt.store.state, scheduler: rt.scheduler, delays: rt.delays };
  if (service === 'directconnect') {
    const input = parseJsonInput(body);
    if (!input) throw new ServiceError('SerializationException', 'The request body is not a valid JSON object.', 400);
    const handler = DX_OPERATIONS[operation];
    if (!handler) throw new ServiceError('UnknownOperationException', `The operation ${operation || '(none)'} is not supported by this Direct Connect endpoint.`, 400);
    return { status: 200, contentType: JSON_CONTENT_TYPE, body: JSON.stringify(await handler(ctx, input)) };
  }
  const params = routed.params ?? new QueryParams(new URLSearchParams());
  if (service === 'ec2') {
    const handler = EC2_OPERATIONS[operation];
    if (!handler) throw new ServiceError('InvalidAction', `The action ${operation} is not valid for this web service.`, 400);
    return { status: 200, contentType: XML_CONTENT_TYPE, body: ec2ResponseXml(operation, requestId, handler(ctx, params)) };
  }
  const handler = STS_OPERATIONS[operation];
  if (!handler) throw new ServiceError('InvalidAction', `The action ${operation} is not valid for this web service.`, 400);
  const result = handler({ caller, state: rt.store.state, now: () => rt.scheduler.now() }, params);
  return { status: 200, contentType: XML_CONTENT_TYPE, body: stsResponseXml(operation, requestId, result) };
}

function operationKnown(service: Service, operation: string): boolean {
  const table = service === 'directconnect' ? DX_OPERATIONS : service === 'ec2' ? EC2_OPERATIONS : STS_OPERATIONS;
  return operation in table;
}

const READ_ONLY = /^(Describe|List|Get)/;

async function handleAws(rt: Runtime, req: IncomingMessage, body: Buffer, query: string, requestId: string): Promise<Reply & { operation: string; account?: string; service?: Service }> {
  const routed = route(req, query, body);
  if (!routed) {
    const err = new ServiceError('UnknownOperationException', 'Unable to determine the service or operation of this request.', 400);
    return { ...errorReply('directconnect', err, requestId), operation: '?' };
  }
  const { service, operation } = routed;
  let account: string | undefined;
  try {
    rt.scheduler.runDue();
    const raw: RawRequest = { method: req.method ?? 'POST', path: (req.url ?? '/').split('?')[0] ?? '/', query, rawHeaders: req.rawHeaders, body };
    const caller = authenticate(service, raw, rt.store.state, rt.scheduler.now());
    account = caller.accountId;
    if (operationKnown(service, operation)) {
      const fault = rt.faults.evaluate(service, operation);
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.error) throw fault.error;
    }
    const reply = await execute(rt, routed, caller, body, requestId);
    if (!READ_ONLY.test(operation)) rt.store.markChanged();
    rt.scheduler.arm();
    return { ...reply, operation, account, service };
  } catch (e) {
    const err = e instanceof ServiceError ? e : INTERNAL[service]();
    if (!(e instanceof ServiceError)) process.emitWarning(`sandbox: ${service}.${operation} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    rt.scheduler.arm();
    return { ...errorReply(service, err, requestId), operation, service, ...(account ? { account } : {}) };
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

async function handleControlRequest(rt: Runtime, req: IncomingMessage, body: Buffer, path: string): Promise<Reply> {
  if (!rt.allowRemoteControl && !isLoopback(req.socket.remoteAddress)) {
    return { status: 403, contentType: 'application/json', body: JSON.stringify({ error: 'The control API only answers on localhost.' }) };
  }
  let parsed: unknown;
  try {
    parsed = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    return { status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'The body is not valid JSON.' }) };
  }
  try {
    rt.scheduler.runDue();
    const result = handleControl(rt, req.method ?? 'GET', path, parsed);
    if (!result) return { status: 404, contentType: 'application/json', body: JSON.stringify({ error: `No control route ${req.method ?? ''} ${path}` }) };
    if (req.method !== 'GET') rt.store.markChanged();
    rt.scheduler.arm();
    return { status: result.status, contentType: 'application/json', body: JSON.stringify(result.body) };
  } catch (e) {
    if (e instanceof ControlError) return { status: e.status, contentType: 'application/json', body: JSON.stringify({ error: e.message }) };
    throw e;
  }
}

/** The single HTTP handler serving Direct Connect, EC2, STS and the control API. */
export function createRequestHandler(rt: Runtime, log: Logger | undefined): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const requestId = uuid();
    const [path = '/', query = ''] = (req.url ?? '/').split(/\?(.*)/s);
    void (async () => {
      let reply: Reply;
      let fields: Record<string, unknown> = {};
      try {
        const body = await readBody(req);
        if (path.startsWith('/_sandbox')) {
          reply = await handleControlRequest(rt, req, body, path);
          fields = { control: `${req.method ?? ''} ${path}` };
        } else {
          const r = await handleAws(rt, req, body, query, requestId);
          reply = r;
          fields = { service: r.service, op: r.operation, account: r.account };
          if (r.service) rt.onResponse?.({ service: r.service, operation: r.operation, status: r.status, body: r.body });
        }
      } catch (e) {
        const err = e instanceof ServiceError ? e : new ServiceError('InternalFailure', 'Internal error', 500);
        reply = { status: err.status, contentType: 'application/json', body: JSON.stringify({ error: err.message }) };
        if (!(e instanceof ServiceError)) log?.error({ err: e }, 'request failed');
      }
      res.writeHead(reply.status, {
        'Content-Type': reply.contentType,
        'Content-Length': Buffer.byteLength(reply.body),
        'x-amzn-RequestId': requestId,
      });
      res.end(reply.body);
      log?.info({ ...fields, status: reply.status, ms: Math.round(performance.now() - started) }, 'request');
    })();
  };
}
