import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('getAwsAccount');
