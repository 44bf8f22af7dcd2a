import type { Core } from '@strapi/strapi';
import { adminUrl, sendMail } from '../mail';
import { TERRITORY, territoryScope, type AdminUserLike } from '../tenancy/scope';
import { reviewQueueFor, type ReviewItem } from './review-queue';

/**
 * The weekly reminder: every Monday morning (config/cron-tasks.ts) each territory's operators get
 * one mail listing what of theirs closes within the week and what is to verify again — the same
 * entries as «Da verificare» — through the same mail set-up as the submissions. Nothing to report,
 * no mail. An operator turns it off (or on again) on the «Da verificare» page; who turned it off is
 * kept in a table of our own, `sito_reminder_optouts`, by admin user id.
 */
export const OPTOUT_TABLE = 'sito_reminder_optouts';

export async function ensureOptoutTable(strapi: Core.Strapi): Promise<void> {
  const schema = strapi.db.getSchemaConnection();
  if (await schema.hasTable(OPTOUT_TABLE)) return;
  await schema.createTable(OPTOUT_TABLE, (t) => {
    t.integer('user_id').primary();
    t.bigInteger('since').notNullable();
  });
}

export async function reminderEnabled(strapi: Core.Strapi, userId: number | string): Promise<boolean> {
  const row = await strapi.db.getConnection(OPTOUT_TABLE).where('user_id', Number(userId)).first();
  return !row;
}

export async function setReminder(strapi: Core.Strapi, userId: number | string, enabled: boolean): Promise<void> {
  const table = () => strapi.db.getConnection(OPTOUT_TABLE);
  if (enabled) await table().where('user_id', Number(userId)).delete();
  else
    await table()
      .insert({ user_id: Number(userId), since: Date.now() })
      .onConflict('user_id')
      .ignore();
}

const TYPE_LABEL: Record<string, string> = {
  opportunity: 'opportunità',
  tutorial: 'guida',
  profession: 'professione',
  event: 'evento',
  question: 'domanda',
  'operator-resource': 'risorsa per operatori',
  'useful-link': 'link utile',
  reading: 'lettura',
  news: 'notizia',
  project: 'progetto',
};
const day = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The reminder's text for one territory, or null when there is nothing to tell. */
export function reminderMail(territory: string, items: ReviewItem[], link: string) {
  const closing = items.filter((item) => item.reasons.includes('closing'));
  const toCheck = items.filter((item) => item.reasons.includes('stale') || item.reasons.includes('flagged'));
  if (closing.length === 0 && toCheck.length === 0) return null;
  const lines = [`Buongiorno,`, '', `ecco il promemoria settimanale di ${territory}.`, ''];
  if (closing.length) {
    lines.push(`Scadono entro 7 giorni (${closing.length}):`);
    for (const item of closing) lines.push(`- «${item.title}»: ultimo giorno ${day(item.deadline!)}`);
    lines.push('');
  }
  if (toCheck.length) {
    lines.push(`Da verificare di nuovo (${toCheck.length}):`);
    for (const item of toCheck)
      lines.push(
        `- «${item.title}» (${TYPE_LABEL[item.type] ?? item.type}): ${item.lastVerifiedAt ? `ultima verifica ${day(item.lastVerifiedAt)}` : 'mai verificata'}`,
      );
    lines.push('');
  }
  lines.push(
    'Controllale e conferma con «Verificato oggi», anche tutte insieme:',
    link,
    '',
    'Non vuoi più ricevere questo promemoria? Lo disattivi dalla stessa pagina.',
  );
  return {
    subject: `Promemoria settimanale di ${territory}: ${closing.length} in scadenza, ${toCheck.length} da verificare`,
    text: lines.join('\n'),
  };
}

/** Sends this week's reminders: one mail per territory with something to tell, to its operators who want it. */
export async function sendWeeklyReminders(strapi: Core.Strapi, now = new Date()) {
  const territories = (await strapi.db.query(TERRITORY).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'name'],
    populate: { operators: { select: ['id', 'email', 'isActive'] } },
  })) as Array<{
    documentId: string;
    name: string;
    operators?: Array<{ id: number; email: string; isActive: boolean }>;
  }>;
  const optedOut = new Set(
    ((await strapi.db.getConnection(OPTOUT_TABLE).select('user_id')) as Array<{ user_id: number | string }>).map(
      (row) => Number(row.user_id),
    ),
  );
  const link = `${adminUrl(strapi)}/admin/da-verificare`;
  let mails = 0;
  for (const territory of new Map(territories.map((row) => [row.documentId, row])).values()) {
    const to = [
      ...new Set(
        territories
          .filter((row) => row.documentId === territory.documentId)
          .flatMap((row) => row.operators ?? [])
          .filter((user) => user.isActive && !optedOut.has(Number(user.id)))
          .map((user) => user.email),
      ),
    ];
    if (to.length === 0) continue;
    const items = await reviewQueueFor(strapi, { unrestricted: false, territories: [territory.documentId] }, now);
    const mail = reminderMail(territory.name, items, link);
    if (mail && (await sendMail(strapi, { to, ...mail }))) mails += 1;
  }
  return { mails };
}

type Context = {
  state: { user?: AdminUserLike };
  request: { body?: unknown };
  status: number;
  body: unknown;
};
const refuse = (ctx: Context, status: number, name: string, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message } };
};

/**
 * `GET /sito/review-queue/reminder` and `PUT` with `{ "enabled": true|false }`: the signed-in user's
 * own choice. `POST /sito/review-queue/reminders`: the regional editors send this week's reminders
 * now (what the Monday job does).
 */
export function registerReminderRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/sito',
    routes: [
      {
        method: 'GET',
        path: '/review-queue/reminder',
        handler: async (ctx: Context) => {
          ctx.status = 200;
          ctx.body = { data: { enabled: await reminderEnabled(strapi, ctx.state.user!.id) } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'PUT',
        path: '/review-queue/reminder',
        handler: async (ctx: Context) => {
          const enabled = (ctx.request.body as { enabled?: unknown } | null)?.enabled;
          if (typeof enabled !== 'boolean')
            return refuse(
              ctx,
              400,
              'ValidationError',
              'enabled: true per ricevere il promemoria, false per non riceverlo',
            );
          await setReminder(strapi, ctx.state.user!.id, enabled);
          ctx.status = 200;
          ctx.body = { data: { enabled } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/review-queue/reminders',
        handler: async (ctx: Context) => {
          if (!(await territoryScope(strapi, ctx.state.user!)).unrestricted)
            return refuse(ctx, 403, 'PolicyError', 'Solo la redazione regionale invia i promemoria a tutta la rete');
          ctx.status = 200;
          ctx.body = { data: await sendWeeklyReminders(strapi) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
