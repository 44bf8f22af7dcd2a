import type { Core, Modules } from '@strapi/strapi';

type Middleware = Modules.Documents.Middleware.Middleware;

/**
 * Runs a Document Service write in a transaction and, before it commits, hands the document it
 * wrote to a check: a check that throws rolls the whole write back, so nothing it refused is ever
 * stored. `arm` runs first, inside the same transaction, to look at the state before the write.
 */
export async function checkedWrite(
  strapi: Core.Strapi,
  ctx: Parameters<Middleware>[0],
  next: Parameters<Middleware>[1],
  arm: () => Promise<(documentId: string) => Promise<void>>,
): ReturnType<Middleware> {
  return await strapi.db.transaction(async () => {
    const check = await arm();
    const result = await next();
    const documentId =
      ctx.action === 'create' || ctx.action === 'clone'
        ? (result as { documentId?: string } | null)?.documentId
        : (ctx.params as { documentId?: string }).documentId;
    if (documentId) await check(documentId);
    return result;
  });
}
