import type { Core, UID } from '@strapi/strapi';
import { EDITORIAL_TYPES } from '../tenancy/scope';

type Context = {
  query: Record<string, unknown>;
  state: { auth?: unknown };
  status: number;
  body: unknown;
};

/** The only query parameters the listing takes: which entries, not what of them nor in which order. */
const ACCEPTED = new Set(['filters', 'locale']);

const problem = (ctx: Context, status: number, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: 'ValidationError', message } };
};

/**
 * The hub builder's change listing (sites/src/loaders/strapi-loader.ts): the documentId and update
 * time of every published entry matching `filters` and `locale`, in one answer. The builder compares
 * it with what its previous build held and fetches in full only what changed, so a one-entry
 * publish asks the CMS for one entry; the listing is what lets it know which one.
 *
 * The REST API would give the same list 1,000 entries a request at most (its `maxLimit`), each
 * page paying the whole REST pipeline: at 10,000 entries that was half a second of every build.
 * Here the filters go through the same validation and sanitization as the REST API's (a token or
 * role that may `find` the type, no private fields), and one Document Service query answers.
 *
 * `GET /api/sito/listing/<plural name>?locale=it&filters[...]=...` →
 * `{ data: [{ documentId, updatedAt }], meta: { total } }`.
 */
export function registerListingRoutes(strapi: Core.Strapi): void {
  const routes = EDITORIAL_TYPES.map((uid: UID.ContentType) => {
    const schema = strapi.getModel(uid);
    return {
      method: 'GET',
      path: `/${schema.info.pluralName}`,
      handler: async (ctx: Context) => {
        const unknown = Object.keys(ctx.query).filter((key) => !ACCEPTED.has(key));
        if (unknown.length > 0)
          return problem(ctx, 400, `Invalid parameter(s) ${unknown.join(', ')}: the listing takes filters and locale.`);
        try {
          await strapi.contentAPI.validate.query(ctx.query, schema, { auth: ctx.state.auth });
        } catch (error) {
          return problem(ctx, 400, (error as Error).message);
        }
        const query = await strapi.contentAPI.sanitize.query(ctx.query, schema, { auth: ctx.state.auth });
        // Sanitized as the REST API sanitizes a list query: the Document Service takes it as such.
        const entries = await strapi.documents(uid).findMany({
          filters: query.filters as never,
          locale: query.locale as string | undefined,
          status: 'published',
          fields: ['updatedAt'],
        });
        ctx.body = {
          data: entries.map((entry) => ({
            documentId: entry.documentId,
            updatedAt: new Date(entry.updatedAt as string | Date).toISOString(),
          })),
          meta: { total: entries.length },
        };
      },
      // Whoever may list the type through the REST API (the builder's read-only token, the public).
      config: { auth: { scope: [`${uid}.find`] } },
    };
  });
  strapi.server.routes({ type: 'content-api', prefix: '/sito/listing', routes } as never);
}
