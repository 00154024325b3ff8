import { headOnly, routeActor } from '@/lib/auth/route';
import { downloadLoa } from '@/lib/connections/loa';
import { ErrorCode, isAppError } from '@/lib/errors';
import { logger } from '@/lib/log';

/** The LOA-CFA PDF, fetched fresh from AWS (DescribeLoa) for every authorised download. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await routeActor('loa.download');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  try {
    const { pdf, filename } = await downloadLoa(auth.actor, id);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${filename}"`,
        'content-length': String(pdf.byteLength),
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.code === ErrorCode.NotFound ? 404 : error.code === ErrorCode.AwsUnavailable ? 503 : 409;
      return new Response(error.message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    logger().error({ err: error, connectionId: id }, 'LOA download failed');
    return new Response('The LOA-CFA could not be fetched from AWS. Try again in a minute.', { status: 502 });
  }
}

/** A HEAD probe neither calls AWS nor records a download. */
export const HEAD = headOnly('loa.download', 'application/pdf');
