import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('listVirtualInterfaces');
export const POST = apiHandler('createVirtualInterface');
