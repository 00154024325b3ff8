import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('listFailoverTests');
export const POST = apiHandler('startFailoverTest');
