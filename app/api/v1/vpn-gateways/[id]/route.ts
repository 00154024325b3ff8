import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('getVpnGateway');
export const DELETE = apiHandler('deleteVpnGateway');
