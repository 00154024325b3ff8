import { apiHandler } from '@/lib/api/route';

export const GET = apiHandler('listAwsAccounts');
export const POST = apiHandler('registerAwsAccount');
