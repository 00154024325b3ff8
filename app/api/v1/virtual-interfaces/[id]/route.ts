import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('getVirtualInterface');
export const DELETE = apiHandler('deleteVirtualInterface');
