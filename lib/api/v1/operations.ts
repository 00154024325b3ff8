import 'server-only';
import { z } from 'zod';
import { listAwsAccounts } from '../../aws-accounts/queries';
import { acceptHostedConnection, decommissionConnection } from '../../connections/commands';
import { downloadLoa } from '../../connections/loa';
import { connectionForApi, connectionsAfter, requestGroupForApi, requestGroupsForApi } from '../../connections/queries';
import { requestConnection } from '../../connections/request';
import { approveSchema, rejectSchema, requestConnectionSchema } from '../../domain/connections/schema';
import { approveRequest, rejectRequest } from '../../noc/decide';
import { nocQueue, nocQueuePageSize } from '../../noc/queue';
import { invalid, notFound } from '../../errors';
import { problemSchema } from '../problem';
import { accountOperations } from './account-operations';
import { notFoundResponse, op, type ApiOperation } from './contract';
import { eventOperations } from './event-operations';
import { gatewayOperations } from './gateway-operations';
import { nocOperations } from './noc-operations';
import { vifOperations } from './vif-operations';
import { awsAccountResource, connectionResource, decodeCursor, encodeCursor, pageOf, toAwsAccountResource, toConnectionResource } from './resources';

const idParams = z.object({ id: z.string().min(1).max(40).describe("The portal's id of the connection.") });

const listQuery = z.object({
  limit: z.coerce.number().int('limit must be a whole number.').min(1, 'limit must be 1 to 100.').max(100, 'limit must be 1 to 100.').default(25),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page.'),
  type: z.enum(['DEDICATED', 'HOSTED']).optional(),
  awsState: z.enum(['ordering', 'requested', 'pending', 'available', 'down', 'deleting', 'deleted', 'rejected', 'unknown']).optional(),
  view: z.enum(['open', 'active', 'closed', 'all']).optional().describe('open: not yet in service; active: in service; closed: rejected or deleted.'),
  q: z.string().max(100).optional().describe('Name, dxcon id, AWS account id or location code.'),
});


const coreOperations: ApiOperation[] = [
  op({
    id: 'listAwsAccounts',
    method: 'GET',
    path: '/aws-accounts',
    tag: 'AWS accounts',
    summary: "Your organisation's registered AWS accounts",
    permission: 'awsAccount.read',
    write: false,
    responses: { 200: { description: 'Every account, oldest first.', schema: z.object({ items: z.array(awsAccountResource) }).meta({ id: 'AwsAccountList' }) } },
    run: async ({ actor }) => ({ status: 200, body: { items: (await listAwsAccounts(actor)).map(toAwsAccountResource) } }),
  }),
  op({
    id: 'listConnections',
    method: 'GET',
    path: '/connections',
    tag: 'Connections',
    summary: 'Connections, newest first, a page at a time',
    permission: 'connection.read',
    write: false,
    query: listQuery,
    responses: { 200: { description: 'One page; follow nextCursor for the next.', schema: pageOf(connectionResource, 'ConnectionPage') } },
    run: async ({ actor, query }) => {
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      if (query.cursor && !after) throw invalid('That cursor is not one this API made; pass nextCursor from the previous page unchanged.', 'cursor');
      const { items, hasMore } = await connectionsAfter(actor, {
        filters: { type: query.type, awsState: query.awsState, view: query.view, q: query.q },
        after: after ?? undefined,
        limit: query.limit,
      });
      const last = items.at(-1);
      return { status: 200, body: { items: items.map(toConnectionResource), nextCursor: hasMore && last ? encodeCursor(last) : null } };
    },
  }),
  op({
    id: 'getConnection',
    method: 'GET',
    path: '/connections/{id}',
    tag: 'Connections',
    summary: 'One connection',
    permission: 'connection.read',
    write: false,
    params: idParams,
    responses: { 200: { description: 'The connection.', schema: connectionResource }, 404: notFoundResponse },
    run: async ({ actor, params }) => {
      const c = await connectionForApi(actor, params.id);
      if (!c) throw notFound('That connection');
      return { status: 200, body: toConnectionResource(c) };
    },
  }),
  op({
    id: 'requestConnection',
    method: 'POST',
    path: '/connections',
    tag: 'Connections',
    summary: 'Request connections (one, two or four by resiliency)',
    description:
      'Answers 202: the request waits for the NOC (state awaiting_noc). Poll GET /connections/{id} or subscribe to the connection.approved and connection.state_changed webhooks. Send Idempotency-Key to retry safely.',
    permission: 'connection.request',
    write: true,
    body: requestConnectionSchema,
    responses: {
      202: { description: 'Requested; each connection is awaiting_noc.', schema: z.object({ requestGroupId: z.string(), connections: z.array(connectionResource) }).meta({ id: 'ConnectionRequest' }) },
      422: { description: 'A field is wrong (each one is named).', schema: problemSchema },
    },
    run: async ({ actor, body }) => {
      const { requestGroupId } = await requestConnection(actor, body);
      const rows = await requestGroupForApi(actor, requestGroupId);
      return { status: 202, body: { requestGroupId, connections: rows.map(toConnectionResource) } };
    },
  }),
  op({
    id: 'acceptHostedConnection',
    method: 'POST',
    path: '/connections/{id}/accept',
    tag: 'Connections',
    summary: 'Accept a hosted connection',
    description: 'Answers 202 with the connection; AWS brings it up in minutes (state awaiting_aws, then available).',
    permission: 'connection.accept',
    write: true,
    params: idParams,
    responses: { 202: { description: 'Accepted in AWS.', schema: connectionResource }, 404: notFoundResponse, 409: { description: 'Not waiting for acceptance.', schema: problemSchema } },
    run: async ({ actor, params }) => {
      await acceptHostedConnection(actor, params.id);
      const c = await connectionForApi(actor, params.id);
      if (!c) throw notFound('That connection');
      return { status: 202, body: toConnectionResource(c) };
    },
  }),
  op({
    id: 'decommissionConnection',
    method: 'POST',
    path: '/connections/{id}/decommission',
    tag: 'Connections',
    summary: 'Decommission a connection (owners only)',
    description: 'confirmName must repeat the connection\'s name. Answers 202 (state decommissioning, then deleted).',
    permission: 'connection.decommission',
    write: true,
    params: idParams,
    body: z.object({ confirmName: z.string().min(1, "Repeat the connection's name to confirm.") }),
    responses: { 202: { description: 'Being deleted in AWS.', schema: connectionResource }, 404: notFoundResponse, 409: { description: 'Virtual interfaces remain, or it is not in service.', schema: problemSchema } },
    run: async ({ actor, params, body }) => {
      await decommissionConnection(actor, params.id, body.confirmName);
      const c = await connectionForApi(actor, params.id);
      if (!c) throw notFound('That connection');
      return { status: 202, body: toConnectionResource(c) };
    },
  }),
  op({
    id: 'getLoa',
    method: 'GET',
    path: '/connections/{id}/loa',
    tag: 'Connections',
    summary: 'The LOA-CFA (PDF), fresh from AWS',
    permission: 'loa.download',
    write: false,
    params: idParams,
    responses: { 200: { description: 'The PDF.', contentType: 'application/pdf' }, 404: notFoundResponse, 409: { description: 'AWS has not issued one yet.', schema: problemSchema } },
    run: async ({ actor, params }) => {
      const { pdf, filename } = await downloadLoa(actor, params.id);
      return new Response(new Uint8Array(pdf), {
        headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${filename}"`, 'content-length': String(pdf.byteLength), 'cache-control': 'private, no-store' },
      });
    },
  }),
  op({
    id: 'listNocRequests',
    method: 'GET',
    path: '/noc/requests',
    tag: 'NOC',
    summary: 'Requests waiting for a NOC decision, oldest first (staff)',
    permission: 'noc.queue',
    write: false,
    query: z.object({ page: z.coerce.number().int('page must be a whole number.').min(1, 'page starts at 1.').max(10_000, 'page must be 10,000 or less.').default(1) }),
    responses: {
      200: {
        description: `A page of up to ${nocQueuePageSize} requests; each lists its connections.`,
        schema: z
          .object({
            items: z.array(z.object({ requestGroupId: z.string(), createdAt: z.string().meta({ format: 'date-time' }), ageHours: z.number(), connections: z.array(connectionResource) })),
            page: z.number().int(),
            hasMore: z.boolean(),
            waiting: z.number().int().describe('Connections waiting in all.'),
          })
          .meta({ id: 'NocRequestPage' }),
      },
    },
    run: async ({ actor, query }) => {
      const q = await nocQueue(actor, { page: query.page });
      const rows = await requestGroupsForApi(actor, q.groups.map((g) => g.requestGroupId));
      return {
        status: 200,
        body: {
          items: q.groups.map((g) => ({ requestGroupId: g.requestGroupId, createdAt: g.createdAt.toISOString(), ageHours: Math.round(g.ageHours * 100) / 100, connections: rows.filter((r) => r.requestGroupId === g.requestGroupId).map(toConnectionResource) })),
          page: q.page,
          hasMore: q.hasMore,
          waiting: q.waiting,
        },
      };
    },
  }),
  op({
    id: 'approveNocRequest',
    method: 'POST',
    path: '/noc/requests/{requestGroupId}/approve',
    tag: 'NOC',
    summary: 'Approve a request and provision it in AWS (staff)',
    description: 'Hosted connections need an interconnect and VLAN each (hosted). Answers 202: the worker creates the connections (state awaiting_aws).',
    permission: 'noc.decide',
    write: true,
    params: z.object({ requestGroupId: z.string().min(1).max(100) }),
    body: approveSchema.omit({ requestGroupId: true }),
    responses: {
      202: { description: 'Approved; provisioning is queued.', schema: z.object({ approved: z.number().int(), connections: z.array(connectionResource) }).meta({ id: 'NocApproval' }) },
      404: notFoundResponse,
      409: { description: 'Already decided, or a VLAN is taken.', schema: problemSchema },
    },
    run: async ({ actor, params, body }) => {
      const { approved } = await approveRequest(actor, { ...body, requestGroupId: params.requestGroupId });
      return { status: 202, body: { approved, connections: (await requestGroupForApi(actor, params.requestGroupId)).map(toConnectionResource) } };
    },
  }),
  op({
    id: 'rejectNocRequest',
    method: 'POST',
    path: '/noc/requests/{requestGroupId}/reject',
    tag: 'NOC',
    summary: 'Reject a request with a reason the customer sees (staff)',
    permission: 'noc.decide',
    write: true,
    params: z.object({ requestGroupId: z.string().min(1).max(100) }),
    body: rejectSchema.omit({ requestGroupId: true }),
    responses: {
      200: { description: 'Rejected.', schema: z.object({ rejected: z.number().int(), connections: z.array(connectionResource) }).meta({ id: 'NocRejection' }) },
      404: notFoundResponse,
      409: { description: 'Already decided.', schema: problemSchema },
    },
    run: async ({ actor, params, body }) => {
      const { rejected } = await rejectRequest(actor, { ...body, requestGroupId: params.requestGroupId });
      return { status: 200, body: { rejected, connections: (await requestGroupForApi(actor, params.requestGroupId)).map(toConnectionResource) } };
    },
  }),
];

export const operations: ApiOperation[] = [...coreOperations, ...accountOperations, ...vifOperations, ...gatewayOperations, ...nocOperations, ...eventOperations];

export type { ApiOperation, ApiResult } from './contract';

export function operation(id: string): ApiOperation {
  const found = operations.find((o) => o.id === id);
  if (!found) throw new Error(`No API operation ${id}`);
  return found;
}
