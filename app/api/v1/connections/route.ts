import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('listConnections');
export const POST = apiHandler('requestConnection');
