import type { Core, Modules, UID } from '@strapi/strapi';
import {
  EDITORIAL_CONTENT_TYPES,
  entryPagePath,
  hostnameSchema,
  type EditorialUid,
  type HubAddresses,
} from '@sito/shared';
import { EDITORIAL_TYPES, TERRITORY } from '../tenancy/scope';
import { allHubs } from './hubs';

/**
 * Permanent addresses (shared/src/publishing/addresses.ts). The CMS remembers every slug a
 * published entry has had, per locale, with what its hub needs to say about it once it is gone
 * (title, kind, areas, when it closed, whose it was): one row per (type, document, locale, slug) in
 * `sito_addresses`, a table of our own. A publish records the published slugs and clears the
 * withdrawal; an unpublish or a delete stamps it. Every boot records the slugs published now, so a
 * database from before this table (or a write whose record a crash lost) is covered from then on.
 *
 * A hub's build asks `GET /api/sito/addresses/<hub>`: the old addresses of entries it still
 * publishes (→ 301 to the current one) and those of entries it no longer publishes (→ 410).
 */
export const ADDRESS_TABLE = 'sito_addresses';

interface AddressRow {
  uid: string;
  document_id: string;
  locale: string;
  slug: string;
  territory: string | null;
  regional: boolean | number;
  title: string;
  kind: string | null;
  areas: string;
  closed_at: string | null;
  published_at: number | string;
  withdrawn_at: number | string | null;
  former_territories: string | null;
}

/** In `former_territories`: the entry was regional (on every hub) before. */
const REGIONAL = '*';

export async function ensureAddressTable(strapi: Core.Strapi): Promise<void> {
  // A knex schema builder runs every statement it was given at each await: a fresh one each time.
  const schema = () => strapi.db.getSchemaConnection();
  if (!(await schema().hasTable(ADDRESS_TABLE)))
    await schema().createTable(ADDRESS_TABLE, (t) => {
      t.string('uid', 80).notNullable();
      t.string('document_id', 64).notNullable();
      t.string('locale', 8).notNullable();
      t.string('slug', 191).notNullable();
      // The territory (documentId) it belonged to when last published; null for regional entries.
      t.string('territory', 64);
      t.boolean('regional').notNullable().defaultTo(false);
      t.text('title').notNullable();
      t.string('kind', 64);
      t.text('areas').notNullable();
      t.string('closed_at', 32);
      t.bigInteger('published_at').notNullable();
      t.bigInteger('withdrawn_at');
      t.primary(['uid', 'document_id', 'locale', 'slug']);
      t.index(['territory']);
    });
  // The territories it was published in before its current one (a JSON list; `*` for regional):
  // their hubs' old addresses lead to the hub that publishes it now. Added to tables from before.
  if (!(await schema().hasColumn(ADDRESS_TABLE, 'former_territories')))
    await schema().alterTable(ADDRESS_TABLE, (t) => {
      t.text('former_territories');
    });
  if (!(await schema().hasTable(HOSTNAME_TABLE)))
    await schema().createTable(HOSTNAME_TABLE, (t) => {
      t.string('hostname', 253).primary();
      // The territory (documentId) that last published it.
      t.string('territory', 64).notNullable();
      t.bigInteger('published_at').notNullable();
      t.index(['territory']);
    });
  await rememberPublishedAddresses(strapi);
  await rememberHostnames(strapi, () => strapi.db.getConnection(HOSTNAME_TABLE));
}

/**
 * Every hostname a published territory has had, and whose it is now (a hostname given to another
 * territory goes with it): a territory's former hostnames answer 301 to its site (nginx.ts).
 */
export const HOSTNAME_TABLE = 'sito_hostnames';

async function rememberHostnames(strapi: Core.Strapi, table: Table, documentIds?: string[]): Promise<void> {
  const rows = (await strapi.db.query(TERRITORY).findMany({
    where: {
      publishedAt: { $notNull: true },
      hostname: { $notNull: true },
      ...(documentIds ? { documentId: { $in: documentIds } } : {}),
    },
    select: ['documentId', 'hostname'],
  })) as Array<{ documentId: string; hostname: string | null }>;
  for (const row of rows) {
    const hostname = row.hostname?.trim().toLowerCase();
    if (!hostname) continue;
    await table()
      .insert({ hostname, territory: row.documentId, published_at: Date.now() })
      .onConflict('hostname')
      .merge(['territory', 'published_at']);
  }
}

/**
 * The hostnames a hub's site had before its current one: those its territory or its antennas (a
 * hub become an antenna) published, less the current one and those another hub has now.
 */
export async function formerHostnames(strapi: Core.Strapi, hubId: string): Promise<string[]> {
  const territories = (await strapi.db.query(TERRITORY).findMany({
    where: { $or: [{ documentId: hubId }, { parent: { documentId: hubId } }] },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  const rows = (await strapi.db
    .getConnection(HOSTNAME_TABLE)
    .whereIn(
      'territory',
      territories.map((row) => row.documentId),
    )
    .select('hostname')) as Array<{ hostname: string }>;
  const taken = new Set(
    (await allHubs(strapi)).flatMap((hub) => (hub.hostname ? [hub.hostname.trim().toLowerCase()] : [])),
  );
  return rows
    .map((row) => row.hostname)
    .filter((hostname) => !taken.has(hostname) && hostnameSchema.safeParse(hostname).success)
    .sort();
}

type Published = {
  documentId: string;
  locale?: string | null;
  slug?: string | null;
  regional?: boolean | null;
  territory?: { documentId: string } | null;
  thematicAreas?: Array<{ slug: string }> | null;
  thematicArea?: { slug: string } | null;
} & Record<string, unknown>;

/** What a published version says about itself, for its hub's page once it is gone. */
function describe(uid: string, row: Published) {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const date = (value: unknown) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.slice(0, 10) : null;
  const areas = row.thematicAreas?.map((area) => area.slug) ?? (row.thematicArea ? [row.thematicArea.slug] : []);
  return {
    // A question's words may name the person who asked: not kept.
    title: uid === 'api::question.question' ? '' : (text(row.title) ?? text(row.name) ?? ''),
    kind: text(row.kind),
    areas: JSON.stringify(areas),
    closed_at: date(row.deadline) ?? date(row.endsAt) ?? date(row.startsAt),
    territory: row.territory?.documentId ?? null,
    regional: row.regional === true,
  };
}

/** The published versions of these documents (or of all of the type), with what describe() reads. */
async function publishedVersions(strapi: Core.Strapi, uid: UID.ContentType, documentIds?: string[]) {
  const attributes = strapi.getModel(uid).attributes as Record<string, unknown>;
  const fields = [
    'documentId',
    'locale',
    'slug',
    'regional',
    'title',
    'name',
    'kind',
    'deadline',
    'endsAt',
    'startsAt',
  ];
  const populate: Record<string, unknown> = {};
  if ('territory' in attributes) populate.territory = { select: ['documentId'] };
  if ('thematicAreas' in attributes) populate.thematicAreas = { select: ['slug'] };
  if ('thematicArea' in attributes) populate.thematicArea = { select: ['slug'] };
  return (await strapi.db.query(uid).findMany({
    where: { publishedAt: { $notNull: true }, ...(documentIds ? { documentId: { $in: documentIds } } : {}) },
    select: fields.filter((field) => field === 'documentId' || field in attributes),
    populate,
  })) as Published[];
}

type Table = () => ReturnType<Core.Strapi['db']['getConnection']>;

/** Runs `work` on the table, inside the current transaction when there is one (stored with the change). */
async function onTable<T>(
  strapi: Core.Strapi,
  work: (table: Table) => Promise<T>,
  name: string = ADDRESS_TABLE,
): Promise<T> {
  const schemaName = strapi.db.getSchemaName();
  if (!strapi.db.inTransaction()) return work(() => strapi.db.getConnection(name));
  return strapi.db.transaction(async ({ trx }) =>
    work(() => (schemaName ? trx(name).withSchema(schemaName) : trx(name)) as never),
  );
}

/** Records the published versions' slugs (new ones added, known ones refreshed and no longer withdrawn). */
async function remember(table: Table, uid: string, rows: Published[], now = Date.now()): Promise<void> {
  for (const row of rows) {
    if (!row.slug) continue;
    const locale = row.locale ?? 'it';
    const about = describe(uid, row);
    await table()
      .insert({
        uid,
        document_id: row.documentId,
        locale,
        slug: row.slug,
        ...about,
        published_at: now,
        withdrawn_at: null,
      })
      .onConflict(['uid', 'document_id', 'locale', 'slug'])
      .ignore();
    // Every slug of this version says what the entry is now, and that it is published; where it
    // was before is kept, so the hubs it left still know where it went.
    const before = (await table()
      .where({ uid, document_id: row.documentId, locale })
      .select('slug', 'territory', 'regional', 'former_territories')) as Array<
      Pick<AddressRow, 'slug' | 'territory' | 'regional' | 'former_territories'>
    >;
    for (const known of before) {
      const former = new Set<string>(JSON.parse(known.former_territories ?? '[]') as string[]);
      if (known.territory && known.territory !== about.territory) former.add(known.territory);
      if (Boolean(known.regional) && !about.regional) former.add(REGIONAL);
      if (about.territory) former.delete(about.territory);
      await table()
        .where({ uid, document_id: row.documentId, locale, slug: known.slug })
        .update({
          ...about,
          former_territories: JSON.stringify([...former].sort()),
          published_at: now,
          withdrawn_at: null,
        });
    }
  }
}

/** At boot: what is published now is remembered (existing rows keep their history). */
async function rememberPublishedAddresses(strapi: Core.Strapi): Promise<void> {
  const table = () => strapi.db.getConnection(ADDRESS_TABLE);
  for (const uid of [...EDITORIAL_TYPES, TERRITORY]) {
    const rows = await publishedVersions(strapi, uid);
    const known = new Set(
      (
        (await table().where({ uid }).whereNull('withdrawn_at').select('document_id', 'locale', 'slug')) as Array<{
          document_id: string;
          locale: string;
          slug: string;
        }>
      ).map((row) => `${row.document_id}|${row.locale}|${row.slug}`),
    );
    const missing = rows.filter((row) => row.slug && !known.has(`${row.documentId}|${row.locale ?? 'it'}|${row.slug}`));
    if (missing.length > 0) await remember(table, uid, missing);
  }
}

const TRACKED = new Set<string>([...EDITORIAL_TYPES, TERRITORY]);

/**
 * Records, in the write's transaction, a publish's slugs or an unpublish's or delete's
 * withdrawal. A publish can be `publish`, or a create or update straight to published.
 */
export function rememberAddresses(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!TRACKED.has(ctx.uid)) return next();
    const params = ctx.params as { documentId?: string; status?: string; locale?: string };
    const publishes =
      ctx.action === 'publish' ||
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    const withdraws = ctx.action === 'unpublish' || ctx.action === 'delete';
    if (!publishes && !withdraws) return next();
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    const uid = ctx.uid as UID.ContentType;
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : null;
    // In the write's transaction: remembered with the change or not at all, before its build starts.
    const versions = await publishedVersions(strapi, uid, [documentId]);
    if (publishes && uid === TERRITORY)
      await onTable(strapi, (table) => rememberHostnames(strapi, table, [documentId]), HOSTNAME_TABLE);
    await onTable(strapi, async (table) => {
      if (publishes) return remember(table, uid, versions);
      // Withdrawn: the locales that have no published version any more.
      const still = new Set(versions.map((row) => row.locale ?? 'it'));
      const query = table().where({ uid, document_id: documentId }).whereNull('withdrawn_at');
      if (locale) query.where({ locale });
      if (still.size > 0) query.whereNotIn('locale', [...still]);
      await query.update({ withdrawn_at: Date.now() });
    });
    return result;
  };
}

const pathOf = (uid: string, slug: string, locale: string) =>
  entryPagePath('', uid as EditorialUid, slug, locale).replace(/^\//, '');

/**
 * Where the entries of these rows are published now on a hub of their territory (an entry moved to
 * another territory): per `uid|document|locale`, the hub and the page's hub-relative path.
 */
async function publishedElsewhere(
  strapi: Core.Strapi,
  rows: AddressRow[],
): Promise<Map<string, { hubId: string; hub: string; path: string }>> {
  const found = new Map<string, { hubId: string; hub: string; path: string }>();
  const byType = new Map<string, Set<string>>();
  for (const row of rows) byType.set(row.uid, (byType.get(row.uid) ?? new Set()).add(row.document_id));
  if (byType.size === 0) return found;
  const hubs = new Map((await allHubs(strapi)).map((hub) => [hub.id, hub]));
  const territories = (await strapi.db.query(TERRITORY).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'kind'],
    populate: { parent: { select: ['documentId'] } },
  })) as Array<{ documentId: string; kind: string; parent?: { documentId: string } | null }>;
  const hubOf = new Map(
    territories.map((row) => [row.documentId, row.kind === 'hub' ? row.documentId : row.parent?.documentId]),
  );
  for (const [uid, documentIds] of byType) {
    if (!('territory' in (strapi.getModel(uid as UID.ContentType).attributes as Record<string, unknown>))) continue;
    const versions = (await strapi.db.query(uid as UID.ContentType).findMany({
      where: { publishedAt: { $notNull: true }, documentId: { $in: [...documentIds] } },
      select: ['documentId', 'locale', 'slug'],
      populate: { territory: { select: ['documentId'] } },
    })) as Array<{
      documentId: string;
      locale?: string | null;
      slug?: string | null;
      territory?: { documentId: string } | null;
    }>;
    for (const version of versions) {
      const hubId = version.territory ? hubOf.get(version.territory.documentId) : undefined;
      const hub = hubId ? hubs.get(hubId) : undefined;
      if (!version.slug || !hub) continue;
      const locale = version.locale ?? 'it';
      found.set(`${uid}|${version.documentId}|${locale}`, {
        hubId: hub.id,
        hub: hub.slug,
        path: pathOf(uid, version.slug, locale),
      });
    }
  }
  return found;
}

/**
 * A hub's permanent addresses: for every entry it ever published (its own, its antennas' and the
 * regional ones), the old addresses of those it still publishes, those of the ones that moved to
 * another territory (leading to the hub that publishes them now) and those of the ones no hub
 * publishes any more. An address another entry of the hub uses now is none of these: that entry's
 * page answers.
 */
export async function hubAddresses(strapi: Core.Strapi, hubId: string): Promise<HubAddresses> {
  const antennas = (await strapi.db.query(TERRITORY).findMany({
    where: { parent: { documentId: hubId } },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  const territories = [hubId, ...antennas.map((row) => row.documentId)];
  const rows = (await strapi.db
    .getConnection(ADDRESS_TABLE)
    .whereIn('uid', EDITORIAL_TYPES as string[])
    .where((q) => {
      q.whereIn('territory', territories).orWhere('regional', true);
      // Entries the hub published before they moved to another territory (document ids are
      // alphanumeric: nothing a LIKE pattern reads).
      for (const id of [...territories, REGIONAL]) q.orWhere('former_territories', 'like', `%"${id}"%`);
    })
    .select('*')) as AddressRow[];

  // What the hub publishes now, per type: the current address of each document and locale.
  const current = new Map<string, string>();
  const used = new Set<string>();
  for (const uid of EDITORIAL_TYPES) {
    if (!(uid in EDITORIAL_CONTENT_TYPES)) continue;
    // Only this hub's published entries, and only what an address is made of: the admin's
    // Pubblicazione asks this for every hub it shows, every few seconds.
    const published = (await strapi.db.query(uid).findMany({
      where: {
        publishedAt: { $notNull: true },
        $or: [{ regional: true }, { territory: { documentId: { $in: territories } } }],
      },
      select: ['documentId', 'locale', 'slug'],
    })) as Array<{ documentId: string; locale?: string | null; slug?: string | null }>;
    for (const row of published) {
      if (!row.slug) continue;
      const path = pathOf(uid, row.slug, row.locale ?? 'it');
      current.set(`${uid}|${row.documentId}|${row.locale ?? 'it'}`, path);
      used.add(path);
    }
  }
  const elsewhere = await publishedElsewhere(
    strapi,
    rows.filter(
      (row) => row.uid in EDITORIAL_CONTENT_TYPES && !current.has(`${row.uid}|${row.document_id}|${row.locale}`),
    ),
  );
  const redirects: HubAddresses['redirects'] = [];
  const gone: HubAddresses['gone'] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (!(row.uid in EDITORIAL_CONTENT_TYPES)) continue;
    const path = pathOf(row.uid, row.slug, row.locale);
    if (used.has(path) || seen.has(path)) continue;
    seen.add(path);
    const key = `${row.uid}|${row.document_id}|${row.locale}`;
    const now = current.get(key);
    if (now) {
      redirects.push({ from: path, to: now });
      continue;
    }
    const moved = elsewhere.get(key);
    if (moved && moved.hubId !== hubId) {
      redirects.push({ from: path, to: moved.path, hub: moved.hub });
      continue;
    }
    gone.push({
      path,
      locale: row.locale === 'en' ? 'en' : 'it',
      section: EDITORIAL_CONTENT_TYPES[row.uid as EditorialUid].section,
      title: row.title,
      kind: row.kind,
      areas: JSON.parse(row.areas) as string[],
      closedAt: row.closed_at,
      withdrawnAt: new Date(Number(row.withdrawn_at ?? row.published_at)).toISOString(),
    });
  }
  redirects.sort((a, b) => a.from.localeCompare(b.from));
  gone.sort((a, b) => a.path.localeCompare(b.path));
  return { redirects, gone };
}

/** The slugs a territory's site had before its current one (its old addresses lead to the new). */
export async function formerSlugs(strapi: Core.Strapi, territoryId: string, slug: string): Promise<string[]> {
  const rows = (await strapi.db
    .getConnection(ADDRESS_TABLE)
    .where({ uid: TERRITORY, document_id: territoryId })
    .whereNot({ slug })
    .select('slug')) as Array<{ slug: string }>;
  return rows.map((row) => row.slug).sort();
}

type Context = { params: Record<string, string>; status: number; body: unknown };

/**
 * `GET /api/sito/addresses/<hub slug>` for the hub builder only (its read-only token): the hub's old
 * and withdrawn addresses (see hubAddresses()), and its territory's former slugs and hostnames
 * (`pnpm nginx:config` redirects them).
 */
export function registerAddressRoutes(strapi: Core.Strapi): void {
  const routes = [
    {
      method: 'GET',
      path: '/:hub',
      handler: async (ctx: Context) => {
        const slug = ctx.params.hub ?? '';
        const hub = (await allHubs(strapi)).find((candidate) => candidate.slug === slug);
        if (!hub) {
          ctx.status = 404;
          ctx.body = {
            data: null,
            error: { status: 404, name: 'NotFoundError', message: `No published hub has the slug "${slug}".` },
          };
          return;
        }
        ctx.body = {
          data: {
            ...(await hubAddresses(strapi, hub.id)),
            formerSlugs: await formerSlugs(strapi, hub.id, hub.slug),
            formerHostnames: await formerHostnames(strapi, hub.id),
          },
        };
      },
      // A read scope no role has: a read-only API token (the builder's) passes, the public does not.
      config: { auth: { scope: ['sito::addresses.find'] } },
    },
  ];
  strapi.server.routes({ type: 'content-api', prefix: '/sito/addresses', routes } as never);
}
