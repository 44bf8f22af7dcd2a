import type { Core } from '@strapi/strapi';
import {
  addDays,
  ANSWER_WINDOW_DAYS,
  answerMedians,
  CONTENT_FIGURES,
  contentFigures,
  median,
  romeDate,
  toCsv,
  type ContentFigures,
  type MonitoredEntry,
} from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { inboxFor } from '../inbox/routes';
import { TABLE as BUILDS } from '../publishing/store';
import { answersSince } from './answer-times';
import { HISTORY_WEEKS, recordSnapshot, snapshotsSince } from './snapshots';
import { EDITORIAL_TYPES, TERRITORY, territoryScope, type AdminUserLike, type TerritoryScope } from '../tenancy/scope';

/**
 * «Monitoraggio»: the state of the network, per territory, for the coordinators and the operators.
 * `GET /sito/monitoring` (admin session) answers JSON, `?format=csv` the same rows as CSV. Scoped as
 * entries are: an operator gets their territories' rows only, the regional editors every
 * territory's. The content figures are counted by `contentFigures` (shared/src/monitoring.ts) from
 * the published entries, as the hubs show them; the waiting items are «In arrivo»'s; the hub's
 * figures come from the build queue (sito_builds).
 */
type Context = {
  state: { user?: AdminUserLike };
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
};

export interface TerritoryRow extends ContentFigures {
  /** The territory's documentId: its snapshots follow it when its slug changes. */
  documentId: string;
  territory: string;
  name: string;
  waitingQuestions: number;
  waitingBookings: number;
  waitingOffers: number;
  /** When its hub last went live, and which release. */
  lastLiveAt: string | null;
  lastRelease: string | null;
  failedBuilds7Days: number;
  /** Median seconds from the publish that queued a build to its release going live, over 7 days. */
  publishToLiveMedianSeconds: number | null;
  /** Median seconds from reception to the first answer, over what was answered in the last 30 days. */
  medianAnswerSecondsQuestions: number | null;
  medianAnswerSecondsBookings: number | null;
  medianAnswerSecondsOffers: number | null;
  /** Published entries, stale and flagged, per content type. */
  byType: Record<string, { published: number; stale: number; toReview: number }>;
  /** The same figures per thematic area (every area, in the areas' order; entries without an area in none). */
  byArea: AreaRow[];
}

export interface AreaRow extends ContentFigures {
  /** The area's Italian slug and name. */
  area: string;
  name: string;
  published: number;
}

export const CSV_COLUMNS = [
  'territory',
  'name',
  ...CONTENT_FIGURES,
  'waitingQuestions',
  'waitingBookings',
  'waitingOffers',
  'lastLiveAt',
  'lastRelease',
  'failedBuilds7Days',
  'publishToLiveMedianSeconds',
  'medianAnswerSecondsQuestions',
  'medianAnswerSecondsBookings',
  'medianAnswerSecondsOffers',
];

const DAY = 86_400_000;
type Published = {
  documentId: string;
  locale?: string;
  territory: { slug: string } | null;
  thematicArea?: { documentId: string } | null;
  thematicAreas?: Array<{ documentId: string }>;
} & Record<string, unknown>;

/** The type's relation to the thematic areas, if it has one (`thematicArea` or `thematicAreas`). */
const areaField = (strapi: Core.Strapi, uid: string) =>
  ['thematicAreas', 'thematicArea'].find((field) => field in (strapi.contentType(uid as never)?.attributes ?? {}));

/** Every published entry of the territories in scope, once per document (its Italian version first). */
async function publishedEntries(strapi: Core.Strapi, territories: string[] | null): Promise<MonitoredEntry[]> {
  const entries: MonitoredEntry[] = [];
  for (const uid of EDITORIAL_TYPES) {
    const type = uid.split('.')[1]!;
    const extra = type === 'opportunity' ? ['deadline'] : type === 'event' ? ['startsAt'] : [];
    const areas = areaField(strapi, uid);
    const rows = (await strapi.db.query(uid).findMany({
      where: {
        publishedAt: { $notNull: true },
        ...(territories ? { territory: { documentId: { $in: territories } } } : {}),
      },
      select: ['documentId', 'locale', 'lastVerifiedAt', 'toReview', ...extra],
      populate: {
        territory: { select: ['slug'] },
        ...(areas ? { [areas]: { select: ['documentId'] } } : {}),
      },
    })) as Published[];
    const byDocument = new Map<string, Published>();
    for (const row of rows)
      if (!byDocument.has(row.documentId) || row.locale === 'it') byDocument.set(row.documentId, row);
    for (const row of byDocument.values())
      entries.push({
        type,
        documentId: row.documentId,
        territory: row.territory?.slug ?? null,
        deadline: (row.deadline as string | null | undefined) ?? null,
        startsAt: row.startsAt ? new Date(row.startsAt as string).toISOString() : null,
        lastVerifiedAt: row.lastVerifiedAt ? String(row.lastVerifiedAt).slice(0, 10) : null,
        toReview: (row.toReview as boolean | null) ?? null,
        areas: [...(row.thematicAreas ?? []), ...(row.thematicArea ? [row.thematicArea] : [])].map(
          (area) => area.documentId,
        ),
      });
  }
  return entries;
}

/**
 * The thematic areas (top level, in their order), each with the documentIds of itself and its
 * sections: an entry filed under a section counts for its area.
 */
async function topAreas(strapi: Core.Strapi) {
  const rows = (await strapi.db.query('api::thematic-area.thematic-area').findMany({
    where: { locale: 'it', publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'name', 'position'],
    populate: { parent: { select: ['documentId'] } },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  })) as Array<{ documentId: string; slug: string; name: string; parent: { documentId: string } | null }>;
  const parentOf = new Map(rows.map((row) => [row.documentId, row.parent?.documentId ?? null]));
  const topOf = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    while (parentOf.get(current) && !seen.has(current)) {
      seen.add(current);
      current = parentOf.get(current)!;
    }
    return current;
  };
  return rows
    .filter((row) => !row.parent)
    .map((row) => ({
      ...row,
      within: new Set(
        rows.filter((other) => topOf(other.documentId) === row.documentId).map((other) => other.documentId),
      ),
    }));
}

/** Each hub's builds: the last one that went live, the failures and the publish-to-live times of the last 7 days. */
async function hubFigures(strapi: Core.Strapi, hubIds: string[], now: number) {
  const table = () => strapi.db.getConnection(BUILDS);
  const since = now - 7 * DAY;
  const recent = (await table()
    .select('hub_id', 'status', 'requested_at', 'finished_at')
    .whereIn('hub_id', hubIds)
    .where('finished_at', '>=', since)) as Array<{
    hub_id: string;
    status: string;
    requested_at: number | string;
    finished_at: number | string;
  }>;
  const lastLive = (await table()
    .select('hub_id', 'release', 'finished_at')
    .whereIn('hub_id', hubIds)
    .where('status', 'succeeded')
    .orderBy('finished_at', 'desc')) as Array<{ hub_id: string; release: string | null; finished_at: number | string }>;
  return (hubId: string) => {
    const mine = recent.filter((build) => build.hub_id === hubId);
    const live = lastLive.find((build) => build.hub_id === hubId);
    const durations = mine
      .filter((build) => build.status === 'succeeded')
      .map((build) => (Number(build.finished_at) - Number(build.requested_at)) / 1000);
    const middle = median(durations);
    return {
      lastLiveAt: live ? new Date(Number(live.finished_at)).toISOString() : null,
      lastRelease: live?.release ?? null,
      failedBuilds7Days: mine.filter((build) => build.status === 'failed').length,
      publishToLiveMedianSeconds: middle === null ? null : Math.round(middle),
    };
  };
}

/** The figures of the territories in `scope`, now. */
export async function figuresFor(strapi: Core.Strapi, scope: TerritoryScope, now = new Date()) {
  const staleAfterDays = cmsEnv().SITO_STALE_AFTER_DAYS;
  const territoryRows = (await strapi.db.query(TERRITORY).findMany({
    where: {
      publishedAt: { $notNull: true },
      ...(scope.unrestricted ? {} : { documentId: { $in: scope.territories } }),
    },
    select: ['documentId', 'slug', 'name'],
    orderBy: { name: 'asc' },
  })) as Array<{ documentId: string; slug: string; name: string }>;
  const territories = [...new Map(territoryRows.map((row) => [row.documentId, row])).values()];
  const entries = await publishedEntries(strapi, scope.unrestricted ? null : scope.territories);
  const waiting = await inboxFor(strapi, scope);
  const areas = await topAreas(strapi);
  const answers = await answersSince(
    strapi,
    territories.map((territory) => territory.documentId),
    now.getTime() - ANSWER_WINDOW_DAYS * DAY,
  );
  const hubs = await hubFigures(
    strapi,
    territories.map((territory) => territory.documentId),
    now.getTime(),
  );
  const rows: TerritoryRow[] = territories.map((territory) => {
    const own = entries.filter((entry) => entry.territory === territory.slug);
    const byType: TerritoryRow['byType'] = {};
    for (const uid of EDITORIAL_TYPES) {
      const type = uid.split('.')[1]!;
      const ofType = own.filter((entry) => entry.type === type);
      const figures = contentFigures(ofType, { now, staleAfterDays });
      byType[type] = { published: ofType.length, stale: figures.stale, toReview: figures.toReview };
    }
    const byArea = areas.map((area): AreaRow => {
      const ofArea = own.filter((entry) => entry.areas?.some((id) => area.within.has(id)));
      return {
        area: area.slug,
        name: area.name,
        published: ofArea.length,
        ...contentFigures(ofArea, { now, staleAfterDays }),
      };
    });
    const medians = answerMedians(
      answers.filter((answer) => answer.territory === territory.documentId),
      now,
    );
    const waitingOf = (kind: string) =>
      waiting.filter((item) => item.kind === kind && item.hub === territory.slug).length;
    return {
      documentId: territory.documentId,
      territory: territory.slug,
      name: territory.name,
      ...contentFigures(own, { now, staleAfterDays }),
      waitingQuestions: waitingOf('question'),
      waitingBookings: waitingOf('booking'),
      waitingOffers: waitingOf('offer'),
      ...hubs(territory.documentId),
      medianAnswerSecondsQuestions: medians.question,
      medianAnswerSecondsBookings: medians.booking,
      medianAnswerSecondsOffers: medians.offer,
      byType,
      byArea,
    };
  });
  return { generatedAt: now.toISOString(), today: romeDate(now), staleAfterDays, territories: rows };
}

/** Today's snapshot of every territory (at boot and every night): the trends' points. */
export async function recordNetworkSnapshot(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const { territories } = await figuresFor(strapi, { unrestricted: true, territories: [] }, now);
  return recordSnapshot(strapi, territories, now);
}

/** The figures now, and the daily snapshots of the same territories over the last 12 weeks. */
export async function monitoringFor(strapi: Core.Strapi, scope: TerritoryScope, now = new Date()) {
  const current = await figuresFor(strapi, scope, now);
  const slugs = new Map(current.territories.map((row) => [row.documentId, row.territory]));
  const snapshots = await snapshotsSince(strapi, [...slugs.keys()], addDays(current.today, -7 * HISTORY_WEEKS));
  return {
    ...current,
    history: snapshots.map(({ territoryId, ...snapshot }) => ({ ...snapshot, territory: slugs.get(territoryId)! })),
  };
}

export function registerMonitoringRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/sito',
    routes: [
      {
        method: 'GET',
        path: '/monitoring',
        handler: async (ctx: Context) => {
          const format = ctx.query.format ?? 'json';
          if (format !== 'json' && format !== 'csv') {
            ctx.status = 400;
            ctx.body = {
              data: null,
              error: { status: 400, name: 'ValidationError', message: 'format: scegli json oppure csv' },
            };
            return;
          }
          const data = await monitoringFor(strapi, await territoryScope(strapi, ctx.state.user!));
          ctx.status = 200;
          if (format === 'json') {
            ctx.body = { data };
            return;
          }
          ctx.set('Content-Type', 'text/csv; charset=utf-8');
          ctx.set('Content-Disposition', `attachment; filename="monitoraggio-${data.today}.csv"`);
          ctx.body = toCsv(data.territories as unknown as Array<Record<string, unknown>>, CSV_COLUMNS);
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
