import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('listGatewayAssociations');
export const POST = apiHandler('associateGateways');
