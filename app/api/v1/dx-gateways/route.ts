import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('listDxGateways');
export const POST = apiHandler('createDxGateway');
