import 'server-only';
import { z } from 'zod';
import type { Actor, Permission } from '../../auth/permissions';
import { connectionForApi } from '../../connections/queries';
import { notFound } from '../../errors';
import { timelinePage, timelineWhere, type TimelineSubject } from '../../events/timeline';
import { dxGatewayForApi, vpnGatewayForApi } from '../../gateways/queries';
import { getCrossConnect } from '../../noc/cross-connects';
import { vifForApi } from '../../virtual-interfaces/queries';
import { idParam, notFoundResponse, op, type ApiOperation } from './contract';
import { eventResource, toEventResource } from './resources';

const eventsQuery = z.object({
  limit: z.coerce.number().int('limit must be a whole number.').min(1, 'limit must be 1 to 100.').max(100, 'limit must be 1 to 100.').default(25),
  cursor: z
    .string()
    .regex(/^\d{1,15}_\d{1,19}$/, 'That cursor is not one this API made; pass nextCursor from the previous page unchanged.')
    .optional()
    .describe('nextCursor of the previous page (older events).'),
});

const eventPage = z.object({ items: z.array(eventResource), nextCursor: z.string().nullable().describe('Older events follow; null on the oldest page.') }).meta({ id: 'EventPage' });

type Subject = { kind: TimelineSubject['kind']; path: string; tag: string; what: string; permission: Permission; exists: (actor: Actor, id: string) => Promise<unknown> };

const subjects: Subject[] = [
  { kind: 'connection', path: '/connections/{id}/events', tag: 'Connections', what: 'connection', permission: 'connection.read', exists: connectionForApi },
  { kind: 'virtualInterface', path: '/virtual-interfaces/{id}/events', tag: 'Virtual interfaces', what: 'virtual interface', permission: 'vif.read', exists: vifForApi },
  { kind: 'dxGateway', path: '/dx-gateways/{id}/events', tag: 'Direct Connect gateways', what: 'Direct Connect gateway', permission: 'gateway.read', exists: dxGatewayForApi },
  { kind: 'vpnGateway', path: '/vpn-gateways/{id}/events', tag: 'Virtual private gateways', what: 'virtual private gateway', permission: 'gateway.read', exists: vpnGatewayForApi },
  { kind: 'crossConnect', path: '/noc/cross-connects/{id}/events', tag: 'NOC', what: 'work order', permission: 'noc.crossConnect', exists: getCrossConnect },
];

const opId = (kind: Subject['kind']) => `list${kind[0]!.toUpperCase()}${kind.slice(1)}Events`;

/** The timeline of each kind of object, newest first, the same page the object's page shows. */
export const eventOperations: ApiOperation[] = subjects.map((s) =>
  op({
    id: opId(s.kind),
    method: 'GET',
    path: s.path,
    tag: s.tag,
    summary: `The ${s.what}'s timeline, newest first`,
    description: 'One indexed query per page whatever the timeline length; follow nextCursor for older events.',
    permission: s.permission,
    write: false,
    params: idParam(s.what),
    query: eventsQuery,
    responses: { 200: { description: 'A page of events.', schema: eventPage }, 404: notFoundResponse },
    run: async ({ actor, params, query }) => {
      if (!(await s.exists(actor, params.id))) throw notFound(`That ${s.what}`);
      const page = await timelinePage(await timelineWhere(actor, { kind: s.kind, id: params.id }), query.cursor, query.limit);
      return { status: 200, body: { items: page.events.map(toEventResource), nextCursor: page.older } };
    },
  }),
);
