import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('getRouterSettings');
export const POST = apiHandler('saveRouterSettings');
