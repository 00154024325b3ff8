import { apiHandler } from '@/lib/api/route';

export const POST = apiHandler('detachVpnGateway');
