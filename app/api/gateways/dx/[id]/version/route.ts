import { routeActor } from '@/lib/auth/route';
import { dxGatewayVersion } from '@/lib/gateways/detail';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await routeActor('gateway.read');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  const version = await dxGatewayVersion(auth.actor, id);
  if (!version) return Response.json({ error: 'Not found.' }, { status: 404 });
  return Response.json({ version }, { headers: { 'cache-control': 'no-store' } });
}
