import { openApiDocument } from '@/lib/api/v1/openapi';
import { publicUrl } from '@/lib/env';

/** The OpenAPI 3.1 document, generated from the operations' zod schemas; public, like any API reference. */
export function GET(): Response {
  return Response.json(openApiDocument(publicUrl()), { headers: { 'cache-control': 'public, max-age=300' } });
}
