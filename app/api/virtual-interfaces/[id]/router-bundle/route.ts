import { headOnly, routeActor } from '@/lib/auth/route';
import { ErrorCode, isAppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { downloadRouterBundle } from '@/lib/virtual-interfaces/bundle';

/** The router server bundle (.tar.gz). It contains the BGP key: organisation members only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await routeActor('bundle.download');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  try {
    const { archive, fileName } = await downloadRouterBundle(auth.actor, id);
    return new Response(new Uint8Array(archive), {
      headers: {
        'content-type': 'application/gzip',
        'content-disposition': `attachment; filename="${fileName}"`,
        'content-length': String(archive.byteLength),
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.code === ErrorCode.NotFound ? 404 : 409, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    logger().error({ err: error, vifId: id }, 'router bundle download failed');
    return new Response('The bundle could not be built. Try again, or contact support.', { status: 500 });
  }
}

/** A HEAD probe neither calls AWS nor records a download. */
export const HEAD = headOnly('bundle.download', 'application/gzip');
