import 'server-only';
import { z } from 'zod';
import type { Actor } from '../../auth/permissions';
import { associateGatewaySchema, attachVpnGatewaySchema, createDxGatewaySchema, createVpnGatewaySchema } from '../../domain/gateways/schema';
import { notFound } from '../../errors';
import { associateGateways, disassociateGateways } from '../../gateways/associations';
import { createDxGateway, deleteDxGateway } from '../../gateways/dx-gateways';
import { associationForApi, associationsAfter, dxGatewayForApi, dxGatewaysAfter, vpnGatewayForApi, vpnGatewaysAfter } from '../../gateways/queries';
import { attachVpnGateway, createVpnGateway, deleteVpnGateway, detachVpnGateway } from '../../gateways/vpn-gateways';
import { problemSchema } from '../problem';
import { afterCursor, conflictResponse, idParam, notFoundResponse, op, pageBody, pageQuery, type ApiOperation } from './contract';
import { associationResource, dxGatewayResource, pageOf, toAssociationResource, toDxGatewayResource, toVpnGatewayResource, vpnGatewayResource } from './resources';

const dxTag = 'Direct Connect gateways';
const vgwTag = 'Virtual private gateways';
const assocTag = 'Gateway associations';

async function dx(actor: Actor, id: string) {
  const g = await dxGatewayForApi(actor, id);
  if (!g) throw notFound('That Direct Connect gateway');
  return toDxGatewayResource(g);
}
async function vgw(actor: Actor, id: string) {
  const g = await vpnGatewayForApi(actor, id);
  if (!g) throw notFound('That virtual private gateway');
  return toVpnGatewayResource(g);
}
async function association(actor: Actor, id: string) {
  const a = await associationForApi(actor, id);
  if (!a) throw notFound('That association');
  return toAssociationResource(a);
}

const accountNotVerified = conflictResponse('The AWS account is not verified, or the gateway is still being created or deleted.');

export const gatewayOperations: ApiOperation[] = [
  op({
    id: 'listDxGateways',
    method: 'GET',
    path: '/dx-gateways',
    tag: dxTag,
    summary: 'Direct Connect gateways being created, active or being deleted, newest first',
    permission: 'gateway.read',
    write: false,
    query: z.object(pageQuery),
    responses: { 200: { description: 'One page.', schema: pageOf(dxGatewayResource, 'DxGatewayPage') } },
    run: async ({ actor, query }) => ({ status: 200, body: pageBody(await dxGatewaysAfter(actor, { after: afterCursor(query.cursor), limit: query.limit }), toDxGatewayResource) }),
  }),
  op({
    id: 'getDxGateway',
    method: 'GET',
    path: '/dx-gateways/{id}',
    tag: dxTag,
    summary: 'One Direct Connect gateway',
    permission: 'gateway.read',
    write: false,
    params: idParam('Direct Connect gateway'),
    responses: { 200: { description: 'The gateway.', schema: dxGatewayResource }, 404: notFoundResponse },
    run: async ({ actor, params }) => ({ status: 200, body: await dx(actor, params.id) }),
  }),
  op({
    id: 'createDxGateway',
    method: 'POST',
    path: '/dx-gateways',
    tag: dxTag,
    summary: 'Create a Direct Connect gateway in one of your AWS accounts',
    description: 'amazonSideAsn may be left out (64512). Answers 202 (awsState pending, then available). Send Idempotency-Key; the portal records the gateway before calling AWS, so a lost answer is adopted, not repeated.',
    permission: 'gateway.manage',
    write: true,
    body: createDxGatewaySchema,
    responses: { 202: { description: 'Created in AWS.', schema: dxGatewayResource }, 409: accountNotVerified },
    run: async ({ actor, body }) => {
      const { id } = await createDxGateway(actor, body);
      return { status: 202, body: await dx(actor, id) };
    },
  }),
  op({
    id: 'deleteDxGateway',
    method: 'DELETE',
    path: '/dx-gateways/{id}',
    tag: dxTag,
    summary: 'Delete a Direct Connect gateway (owners only)',
    description: 'Refused while interfaces or associations remain (409 names them). Answers 202 (deleting, then deleted).',
    permission: 'gateway.delete',
    write: true,
    params: idParam('Direct Connect gateway'),
    responses: { 202: { description: 'Being deleted.', schema: dxGatewayResource }, 404: notFoundResponse, 409: conflictResponse('Interfaces or associations remain.') },
    run: async ({ actor, params }) => {
      await deleteDxGateway(actor, params.id);
      return { status: 202, body: await dx(actor, params.id) };
    },
  }),
  op({
    id: 'listVpnGateways',
    method: 'GET',
    path: '/vpn-gateways',
    tag: vgwTag,
    summary: 'Virtual private gateways, newest first',
    permission: 'gateway.read',
    write: false,
    query: z.object(pageQuery),
    responses: { 200: { description: 'One page.', schema: pageOf(vpnGatewayResource, 'VpnGatewayPage') } },
    run: async ({ actor, query }) => ({ status: 200, body: pageBody(await vpnGatewaysAfter(actor, { after: afterCursor(query.cursor), limit: query.limit }), toVpnGatewayResource) }),
  }),
  op({
    id: 'getVpnGateway',
    method: 'GET',
    path: '/vpn-gateways/{id}',
    tag: vgwTag,
    summary: 'One virtual private gateway',
    permission: 'gateway.read',
    write: false,
    params: idParam('virtual private gateway'),
    responses: { 200: { description: 'The gateway.', schema: vpnGatewayResource }, 404: notFoundResponse },
    run: async ({ actor, params }) => ({ status: 200, body: await vgw(actor, params.id) }),
  }),
  op({
    id: 'createVpnGateway',
    method: 'POST',
    path: '/vpn-gateways',
    tag: vgwTag,
    summary: 'Create a virtual private gateway in one of your AWS accounts and Regions',
    permission: 'gateway.manage',
    write: true,
    body: createVpnGatewaySchema,
    responses: { 202: { description: 'Created in AWS.', schema: vpnGatewayResource }, 409: accountNotVerified },
    run: async ({ actor, body }) => {
      const { id } = await createVpnGateway(actor, body);
      return { status: 202, body: await vgw(actor, id) };
    },
  }),
  op({
    id: 'attachVpnGateway',
    method: 'POST',
    path: '/vpn-gateways/{id}/attach',
    tag: vgwTag,
    summary: 'Attach the gateway to a VPC',
    permission: 'gateway.manage',
    write: true,
    params: idParam('virtual private gateway'),
    body: attachVpnGatewaySchema.omit({ vpnGatewayId: true }),
    responses: { 202: { description: 'Attaching.', schema: vpnGatewayResource }, 404: notFoundResponse, 409: conflictResponse('Already attached, or the VPC has a gateway.') },
    run: async ({ actor, params, body }) => {
      await attachVpnGateway(actor, { ...body, vpnGatewayId: params.id });
      return { status: 202, body: await vgw(actor, params.id) };
    },
  }),
  op({
    id: 'detachVpnGateway',
    method: 'POST',
    path: '/vpn-gateways/{id}/detach',
    tag: vgwTag,
    summary: 'Detach the gateway from its VPC',
    permission: 'gateway.manage',
    write: true,
    params: idParam('virtual private gateway'),
    responses: { 202: { description: 'Detaching.', schema: vpnGatewayResource }, 404: notFoundResponse, 409: conflictResponse('Not attached, or interfaces still use it.') },
    run: async ({ actor, params }) => {
      await detachVpnGateway(actor, params.id);
      return { status: 202, body: await vgw(actor, params.id) };
    },
  }),
  op({
    id: 'deleteVpnGateway',
    method: 'DELETE',
    path: '/vpn-gateways/{id}',
    tag: vgwTag,
    summary: 'Delete a virtual private gateway (owners only)',
    permission: 'gateway.delete',
    write: true,
    params: idParam('virtual private gateway'),
    responses: { 202: { description: 'Being deleted.', schema: vpnGatewayResource }, 404: notFoundResponse, 409: conflictResponse('Still attached, associated or used by interfaces.') },
    run: async ({ actor, params }) => {
      await deleteVpnGateway(actor, params.id);
      return { status: 202, body: await vgw(actor, params.id) };
    },
  }),
  op({
    id: 'listGatewayAssociations',
    method: 'GET',
    path: '/gateway-associations',
    tag: assocTag,
    summary: 'Associations of Direct Connect gateways with virtual private gateways, newest first',
    permission: 'gateway.read',
    write: false,
    query: z.object({ ...pageQuery, dxGatewayId: z.string().max(40).optional() }),
    responses: { 200: { description: 'One page.', schema: pageOf(associationResource, 'GatewayAssociationPage') } },
    run: async ({ actor, query }) => ({ status: 200, body: pageBody(await associationsAfter(actor, { dxGatewayId: query.dxGatewayId, after: afterCursor(query.cursor), limit: query.limit }), toAssociationResource) }),
  }),
  op({
    id: 'getGatewayAssociation',
    method: 'GET',
    path: '/gateway-associations/{id}',
    tag: assocTag,
    summary: 'One association',
    permission: 'gateway.read',
    write: false,
    params: idParam('association'),
    responses: { 200: { description: 'The association.', schema: associationResource }, 404: notFoundResponse },
    run: async ({ actor, params }) => ({ status: 200, body: await association(actor, params.id) }),
  }),
  op({
    id: 'associateGateways',
    method: 'POST',
    path: '/gateway-associations',
    tag: assocTag,
    summary: 'Associate a virtual private gateway with a Direct Connect gateway',
    description: 'allowedPrefixes are CIDRs (canonicalised: 10.1.2.3/16 is stored and returned as 10.1.0.0/16); empty means the VPC CIDR. Answers 202 (associating, then associated).',
    permission: 'gateway.manage',
    write: true,
    body: associateGatewaySchema,
    responses: { 202: { description: 'Associating.', schema: associationResource }, 404: { description: 'No such gateway, or not yours.', schema: problemSchema }, 409: conflictResponse('Already associated, or a prefix overlaps.') },
    run: async ({ actor, body }) => {
      const { id } = await associateGateways(actor, body);
      return { status: 202, body: await association(actor, id) };
    },
  }),
  op({
    id: 'disassociateGateways',
    method: 'DELETE',
    path: '/gateway-associations/{id}',
    tag: assocTag,
    summary: 'Remove an association',
    permission: 'gateway.manage',
    write: true,
    params: idParam('association'),
    responses: { 202: { description: 'Disassociating.', schema: associationResource }, 404: notFoundResponse, 409: conflictResponse('Not associated.') },
    run: async ({ actor, params }) => {
      await disassociateGateways(actor, params.id);
      return { status: 202, body: await association(actor, params.id) };
    },
  }),
];
