import { headOnly, routeActor } from '@/lib/auth/route';
import { ErrorCode, isAppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { awsRouterConfiguration } from '@/lib/virtual-interfaces/commands';

/** AWS's own sample configuration for a router type (DescribeRouterConfiguration); it contains the key. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await routeActor('bundle.download');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  const type = new URL(request.url).searchParams.get('type') ?? '';
  try {
    const { text, filename } = await awsRouterConfiguration(auth.actor, id, type);
    return new Response(text, {
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' },
    });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.code === ErrorCode.NotFound ? 404 : error.code === ErrorCode.Invalid ? 400 : error.code === ErrorCode.AwsUnavailable ? 503 : 409;
      return new Response(error.message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    logger().error({ err: error, vifId: id }, 'router configuration download failed');
    return new Response('AWS did not return the configuration. Try again in a minute.', { status: 502 });
  }
}

/** A HEAD probe neither calls AWS nor records a download. */
export const HEAD = headOnly('bundle.download', 'text/plain; charset=utf-8');
