import { routeActor } from '@/lib/auth/route';
import { gatewaysVersion } from '@/lib/gateways/queries';

export async function GET() {
  const auth = await routeActor('gateway.read');
  if ('response' in auth) return auth.response;
  return Response.json({ version: await gatewaysVersion(auth.actor) }, { headers: { 'cache-control': 'no-store' } });
}
