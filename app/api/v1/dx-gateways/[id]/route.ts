import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('getDxGateway');
export const DELETE = apiHandler('deleteDxGateway');
