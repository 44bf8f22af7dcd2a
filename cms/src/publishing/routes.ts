import type { Core } from '@strapi/strapi';
import {
  claimRequestSchema,
  completeRequestSchema,
  failRequestSchema,
  heartbeatRequestSchema,
  previewDoneRequestSchema,
  type Build,
} from '@sito/shared';
import { REPLAYED, createSignatureCheck } from '@sito/shared/signing';
import type { z } from 'zod';
import { cmsEnv } from '../cms-env';
import { TERRITORY, territoryScope, type AdminUserLike } from '../tenancy/scope';
import { formerHostnames, formerSlugs, hubAddresses } from './addresses';
import { allHubs, hubsOfTerritories, type HubInfo } from './hubs';
import { buildStore, reconcile } from './index';
import { previewStore } from './previews';
import { TABLE as BUILDS_TABLE } from './store';
import { replayStore } from './replays';

type Context = {
  request: { body?: unknown; headers: Record<string, string | string[] | undefined> };
  params: Record<string, string>;
  state: { user?: AdminUserLike };
  status: number;
  body: unknown;
};
type Handler = (ctx: Context) => Promise<void>;

const UNPARSED = Symbol.for('unparsedBody');

function reply(ctx: Context, status: number, body: unknown) {
  ctx.status = status;
  ctx.body = body;
}
const problem = (ctx: Context, status: number, message: string) => reply(ctx, status, { error: { status, message } });

/**
 * Endpoints the build workers call. Every request is signed with the shared worker secret (the
 * Standard Webhooks scheme); a missing, wrong, stale or replayed signature is refused with 401
 * before the body is even looked at. Replays are recognised across CMS processes and restarts:
 * the message ids are remembered in the database (replays.ts).
 */
function workerRoutes(strapi: Core.Strapi) {
  const secret = cmsEnv().SITO_WORKER_SECRET;
  const check = secret ? createSignatureCheck(secret) : null;
  const verify = async (body: string, headers: Context['request']['headers']): Promise<string | null> => {
    const result = check!(body, headers);
    if ('problem' in result) return result.problem;
    return (await replayStore(strapi).firstSeen(result.id)) ? null : REPLAYED;
  };

  const signed =
    <S extends z.ZodType>(schema: S, handle: (ctx: Context, body: z.infer<S>) => Promise<void>): Handler =>
    async (ctx) => {
      if (!check)
        return problem(ctx, 503, 'Pubblicazione non configurata: imposta SITO_WORKER_SECRET nel CMS e nei worker.');
      const raw = (ctx.request.body as Record<symbol, unknown> | undefined)?.[UNPARSED];
      const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
      const refused = await verify(text, ctx.request.headers);
      if (refused) {
        strapi.log.warn(`[sito] refused a worker request: ${refused}`);
        return problem(ctx, 401, `Richiesta non firmata correttamente: ${refused}.`);
      }
      const parsed = schema.safeParse(ctx.request.body);
      if (!parsed.success)
        return problem(
          ctx,
          400,
          `Richiesta non valida: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return handle(ctx, parsed.data);
    };

  const store = () => buildStore(strapi);
  const hubsById = async () => new Map((await allHubs(strapi)).map((hub) => [hub.id, hub]));
  const lease = cmsEnv().SITO_BUILD_LEASE_SECONDS * 1000;
  /** The hub's outgoing notification (private fields of its published territory), when both are set. */
  const notifyTarget = async (hubId: string) => {
    const row = (await strapi.db.query(TERRITORY).findOne({
      where: { documentId: hubId, publishedAt: { $notNull: true } },
      select: ['deployHookUrl', 'deployHookSecret'],
    })) as { deployHookUrl?: string | null; deployHookSecret?: string | null } | null;
    return row?.deployHookUrl && row.deployHookSecret ? { url: row.deployHookUrl, secret: row.deployHookSecret } : null;
  };

  /** The published hub an antenna (published) belongs to, by slug; null for anything else. */
  const parentHubOf = async (territoryId: string, hubs: Map<string, HubInfo>): Promise<string | null> => {
    const row = (await strapi.db.query(TERRITORY).findOne({
      where: { documentId: territoryId, publishedAt: { $notNull: true }, kind: 'antenna' },
      populate: { parent: { select: ['documentId'] } },
    })) as { parent?: { documentId: string } | null } | null;
    return (row?.parent && hubs.get(row.parent.documentId)?.slug) || null;
  };

  return [
    {
      method: 'POST',
      path: '/claim',
      handler: signed(claimRequestSchema, async (ctx, body) => {
        // An editor waiting for a draft preview goes first.
        const preview = await previewStore(strapi).claim(body.worker);
        if (preview) return reply(ctx, 200, { build: null, preview, leaseMs: lease });
        const build = await store().claim(body.worker);
        if (!build) return reply(ctx, 200, { build: null, leaseMs: lease, nextDueInMs: await store().nextDueIn() });
        const hubs = await hubsById();
        const hub = hubs.get(build.hubId);
        if (!hub) {
          // No longer a published hub: its site is withdrawn (an antenna's addresses lead to its parent's).
          const movedTo = await parentHubOf(build.hubId, hubs);
          const named = (await strapi.db
            .query(TERRITORY)
            .findOne({ where: { documentId: build.hubId }, select: ['name'] })) as { name?: string } | null;
          return reply(ctx, 200, {
            build: {
              ...build,
              hubName: named?.name ?? build.hub,
              hostname: null,
              notify: null,
              withdraw: { movedTo },
            },
            leaseMs: lease,
          });
        }
        return reply(ctx, 200, {
          build: {
            ...build,
            hub: hub.slug,
            hubName: hub.name,
            hostname: hub.hostname,
            notify: await notifyTarget(hub.id),
            formerSlugs: await formerSlugs(strapi, hub.id, hub.slug),
            formerHostnames: await formerHostnames(strapi, hub.id),
          },
          leaseMs: lease,
        });
      }),
    },
    {
      method: 'POST',
      path: '/heartbeat',
      handler: signed(heartbeatRequestSchema, async (ctx, body) =>
        reply(ctx, 200, { keep: await store().heartbeat(body.worker, body.id) }),
      ),
    },
    {
      method: 'POST',
      path: '/complete',
      handler: signed(completeRequestSchema, async (ctx, body) => {
        const done = await store().complete(body.worker, body.id, body);
        if (!done) return problem(ctx, 409, `La build #${body.id} non è (più) in carico a ${body.worker}.`);
        return reply(ctx, 200, { ok: true });
      }),
    },
    {
      method: 'POST',
      path: '/fail',
      handler: signed(failRequestSchema, async (ctx, body) => {
        const { found, retryAt } = await store().fail(body.worker, body.id, body);
        if (!found) return problem(ctx, 409, `La build #${body.id} non è (più) in carico a ${body.worker}.`);
        return reply(ctx, 200, { retryAt });
      }),
    },
    {
      method: 'POST',
      path: '/preview/done',
      handler: signed(previewDoneRequestSchema, async (ctx, body) => {
        const done = await previewStore(strapi).finish(body.worker, body.id, body.error);
        if (!done) return problem(ctx, 409, `L'anteprima ${body.id} non è (più) in carico a ${body.worker}.`);
        return reply(ctx, 200, { ok: true });
      }),
    },
    {
      method: 'POST',
      path: '/recover',
      handler: signed(claimRequestSchema, async (ctx, body) =>
        reply(ctx, 200, { requeued: await store().recover(body.worker) }),
      ),
    },
    {
      method: 'POST',
      path: '/reconcile',
      handler: signed(claimRequestSchema, async (ctx) => reply(ctx, 200, { queued: await reconcile(strapi) })),
    },
  ].map((route) => ({ ...route, config: { auth: false as const } }));
}

/** The hubs an admin user may see and rebuild: all for editors, their territories' hubs for operators. */
async function hubsFor(strapi: Core.Strapi, user: AdminUserLike): Promise<HubInfo[]> {
  const hubs = await allHubs(strapi);
  const scope = await territoryScope(strapi, user);
  if (scope.unrestricted) return hubs;
  const mine = new Set((await hubsOfTerritories(strapi, scope.territories)).map((hub) => hub.id));
  return hubs.filter((hub) => mine.has(hub.id));
}

/**
 * Endpoints of the admin's "Pubblicazione" page (admin session required): per hub what is live
 * and the build history, "Rebuild now", cancelling a build. Operators reach their own hubs only.
 */
function adminRoutes(strapi: Core.Strapi) {
  const store = () => buildStore(strapi);
  const hubsUrl = cmsEnv().SITO_HUBS_URL.replace(/\/$/, '');
  const userName = (user: AdminUserLike & { email?: string; firstname?: string; lastname?: string }) =>
    [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `utente ${user.id}`;

  /**
   * Hubs whose site was withdrawn (their territory unpublished, deleted or made an antenna), as the
   * workers last reported: to where their addresses lead, or 410. Operators see their own only.
   */
  const withdrawnHubs = async (user: AdminUserLike, visible: HubInfo[]) => {
    const scope = await territoryScope(strapi, user);
    const published = new Set((await allHubs(strapi)).map((hub) => hub.id));
    const rows = (await strapi.db
      .getConnection(BUILDS_TABLE)
      .where({ status: 'succeeded' })
      .where('release', 'like', 'ritirato%')
      .orderBy('finished_at', 'desc')
      .select('hub_id', 'hub', 'release', 'finished_at')) as Array<{
      hub_id: string;
      hub: string;
      release: string;
      finished_at: number | string;
    }>;
    const seen = new Set(visible.map((hub) => hub.id));
    const withdrawn = [];
    for (const row of rows) {
      if (seen.has(row.hub_id) || published.has(row.hub_id)) continue;
      seen.add(row.hub_id);
      if (!scope.unrestricted && !scope.territories.includes(row.hub_id)) continue;
      const movedTo = row.release.startsWith('ritirato-verso-') ? row.release.slice('ritirato-verso-'.length) : null;
      withdrawn.push({ slug: row.hub, movedTo, at: new Date(Number(row.finished_at)).toISOString() });
    }
    return withdrawn;
  };

  const withBuild = async (ctx: Context, act: (build: Build) => Promise<void>) => {
    const build = await store().find(Number(ctx.params.id));
    if (!build) return problem(ctx, 404, 'Build non trovata.');
    const allowed = (await hubsFor(strapi, ctx.state.user!)).some((hub) => hub.id === build.hubId);
    if (!allowed) return problem(ctx, 403, 'Questa build riguarda un hub che non gestisci.');
    return act(build);
  };

  const routes: Array<{ method: string; path: string; handler: Handler }> = [
    {
      method: 'GET',
      path: '/publishing/hubs',
      handler: async (ctx) => {
        const hubs = await hubsFor(strapi, ctx.state.user!);
        const data = [];
        for (const hub of hubs) {
          const { live } = await store().lastBuilds(hub.id);
          data.push({
            ...hub,
            url: `${hubsUrl}/${hub.slug}/`,
            live,
            builds: await store().list([hub.id], 15),
            // What the hub answers besides its pages: old addresses (301) and withdrawn entries (410).
            addresses: await hubAddresses(strapi, hub.id),
          });
        }
        reply(ctx, 200, { data, withdrawn: await withdrawnHubs(ctx.state.user!, hubs) });
      },
    },
    {
      method: 'POST',
      path: '/publishing/hubs/:slug/rebuild',
      handler: async (ctx) => {
        const hub = (await hubsFor(strapi, ctx.state.user!)).find((h) => h.slug === ctx.params.slug);
        if (!hub) {
          const exists = (await allHubs(strapi)).some((h) => h.slug === ctx.params.slug);
          return exists
            ? problem(ctx, 403, 'Puoi ricostruire solo gli hub dei tuoi territori.')
            : problem(ctx, 404, `Nessun hub pubblicato con slug "${ctx.params.slug}".`);
        }
        await store().enqueue([hub], `Ricostruzione manuale di ${userName(ctx.state.user!)}`, { immediate: true });
        const [queued] = await store().list([hub.id], 1);
        reply(ctx, 202, { data: queued });
      },
    },
    {
      method: 'GET',
      path: '/publishing/builds/:id',
      handler: (ctx) => withBuild(ctx, async (build) => reply(ctx, 200, { data: build })),
    },
    {
      method: 'POST',
      path: '/publishing/builds/:id/cancel',
      handler: (ctx) =>
        withBuild(ctx, async (build) => {
          if (build.status !== 'queued' && build.status !== 'running')
            return problem(ctx, 409, `La build #${build.id} è già conclusa (${build.status}).`);
          reply(ctx, 200, { data: await store().cancel(build.id, userName(ctx.state.user!)) });
        }),
    },
  ];
  return routes.map((route) => ({ ...route, config: { policies: ['admin::isAuthenticatedAdmin'] } }));
}

export function registerPublishingRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({ type: 'content-api', prefix: '/sito/worker', routes: workerRoutes(strapi) } as never);
  strapi.server.routes({ type: 'admin', prefix: '/sito', routes: adminRoutes(strapi) } as never);
}
