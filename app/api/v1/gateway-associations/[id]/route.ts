import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('getGatewayAssociation');
export const DELETE = apiHandler('disassociateGateways');
