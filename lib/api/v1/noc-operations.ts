import 'server-only';
import { z } from 'zod';
import type { Actor } from '../../auth/permissions';
import { advanceCrossConnectSchema, reservePortSchema, testResultSchema } from '../../domain/connections/cross-connect';
import { notFound } from '../../errors';
import { advanceCrossConnect, crossConnectPageSize, getCrossConnect, listCrossConnects, markTested, reservePort } from '../../noc/cross-connects';
import { conflictResponse, idParam, notFoundResponse, op, type ApiOperation } from './contract';
import { crossConnectResource, toCrossConnectResource } from './resources';

const tag = 'NOC';
const params = idParam('work order');

async function order(actor: Actor, id: string) {
  const o = await getCrossConnect(actor, id);
  if (!o) throw notFound('That work order');
  return toCrossConnectResource(o);
}

const stale = conflictResponse('The order is not at that step any more (someone else moved it); GET it and retry.');

/** Cross-connect work orders (staff): the same steps, rules and timeline as the NOC pages. */
export const nocOperations: ApiOperation[] = [
  op({
    id: 'listCrossConnects',
    method: 'GET',
    path: '/noc/cross-connects',
    tag,
    summary: 'Cross-connect work orders: open ones soonest LOA expiry first, or finished ones (staff)',
    permission: 'noc.crossConnect',
    write: false,
    query: z.object({
      view: z.enum(['open', 'done']).default('open'),
      page: z.coerce.number().int('page must be a whole number.').min(1, 'page starts at 1.').max(10_000, 'page must be 10,000 or less.').default(1),
    }),
    responses: {
      200: {
        description: `A page of up to ${crossConnectPageSize} orders.`,
        schema: z.object({ items: z.array(crossConnectResource), page: z.number().int(), pages: z.number().int(), total: z.number().int() }).meta({ id: 'CrossConnectPage' }),
      },
    },
    run: async ({ actor, query }) => {
      const r = await listCrossConnects(actor, query.view, query.page);
      return { status: 200, body: { items: r.orders.map(toCrossConnectResource), page: r.page, pages: r.pages, total: r.total } };
    },
  }),
  op({
    id: 'getCrossConnect',
    method: 'GET',
    path: '/noc/cross-connects/{id}',
    tag,
    summary: 'One work order (staff)',
    permission: 'noc.crossConnect',
    write: false,
    params,
    responses: { 200: { description: 'The order.', schema: crossConnectResource }, 404: notFoundResponse },
    run: async ({ actor, params }) => ({ status: 200, body: await order(actor, params.id) }),
  }),
  op({
    id: 'reserveCrossConnectPort',
    method: 'POST',
    path: '/noc/cross-connects/{id}/reserve',
    tag,
    summary: 'Reserve the patch-panel port (open → port reserved)',
    permission: 'noc.crossConnect',
    write: true,
    params,
    body: reservePortSchema.omit({ orderId: true }),
    responses: { 200: { description: 'Reserved.', schema: crossConnectResource }, 404: notFoundResponse, 409: stale },
    run: async ({ actor, params, body }) => {
      await reservePort(actor, { ...body, orderId: params.id });
      return { status: 200, body: await order(actor, params.id) };
    },
  }),
  op({
    id: 'recordCrossConnectTest',
    method: 'POST',
    path: '/noc/cross-connects/{id}/test',
    tag,
    summary: 'Record the light-level test (patched → tested)',
    description: 'rxDbm and txDbm in dBm are judged against the port’s optics on the timeline; a note alone is accepted.',
    permission: 'noc.crossConnect',
    write: true,
    params,
    body: testResultSchema,
    responses: { 200: { description: 'Tested.', schema: crossConnectResource }, 404: notFoundResponse, 409: stale },
    run: async ({ actor, params, body }) => {
      await markTested(actor, { ...body, orderId: params.id });
      return { status: 200, body: await order(actor, params.id) };
    },
  }),
  op({
    id: 'advanceCrossConnect',
    method: 'POST',
    path: '/noc/cross-connects/{id}/advance',
    tag,
    summary: 'Take the next plain step from the status you saw (port reserved → patched, tested → complete; cease orders)',
    description: 'from is the status the order has now, so a stale client cannot skip a step. Reserving and testing record facts and have their own endpoints.',
    permission: 'noc.crossConnect',
    write: true,
    params,
    body: advanceCrossConnectSchema.omit({ orderId: true }),
    responses: { 200: { description: 'Moved on.', schema: crossConnectResource }, 404: notFoundResponse, 409: stale },
    run: async ({ actor, params, body }) => {
      await advanceCrossConnect(actor, { ...body, orderId: params.id });
      return { status: 200, body: await order(actor, params.id) };
    },
  }),
];
