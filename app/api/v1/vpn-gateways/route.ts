import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('listVpnGateways');
export const POST = apiHandler('createVpnGateway');
