import type { Core } from '@strapi/strapi';
import { emailSchema } from '@sito/shared';
import { BOOKING_TYPE, PERSONAL_CONTACT, territoryScope, type AdminUserLike } from '../tenancy/scope';

/**
 * One person's data, on request (GDPR arts. 15, 17 and 20): every contact kept of who asked a
 * question or proposed an offer, and every booking, found by the email they gave (in any case).
 * `GET /sito/personal-data?email=` exports it as JSON; `DELETE` with the same query erases it, and
 * a deleted booking frees its slot (the booking middleware, ../bookings/middleware.ts). Scoped as
 * entries are: an operator finds and erases their territories' only, a regional editor every
 * territory's. The questions and offers stay: they are the territory's content, with no one's data.
 * Shown by the admin page admin/pages/PersonalData.tsx.
 */
type Context = {
  state: { user?: AdminUserLike };
  query: Record<string, unknown>;
  status: number;
  body: unknown;
};

export interface PersonalData {
  email: string;
  contacts: Array<Record<string, unknown>>;
  bookings: Array<Record<string, unknown>>;
}

const CONTACT_FIELDS = ['purpose', 'email', 'name', 'organisation', 'vatNumber', 'age', 'language', 'consentAt'];
const BOOKING_FIELDS = [
  'state',
  'startsAt',
  'endsAt',
  'contactPoint',
  'service',
  'mode',
  'name',
  'email',
  'note',
  'operatorMessage',
  'language',
  'consentAt',
];

/**
 * The email in the query, checked: one address, or a message naming the field with a stable code
 * (and the value refused), which the admin page says in the user's language (admin/pages/PersonalData.tsx).
 */
type EmailProblem = { problem: string; details: { code: 'email-missing' } | { code: 'email-invalid'; value: string } };
function emailOf(query: Record<string, unknown>): { email: string } | EmailProblem {
  const raw = query.email;
  if (typeof raw !== 'string' || raw.trim() === '')
    return {
      problem: 'email: scrivi un indirizzo email (uno solo), per esempio ?email=nome@esempio.it',
      details: { code: 'email-missing' },
    };
  const parsed = emailSchema.safeParse(raw.trim().toLowerCase());
  if (!parsed.success)
    return {
      problem: `email: «${raw.slice(0, 80)}» non è un indirizzo email valido`,
      details: { code: 'email-invalid', value: raw.slice(0, 80) },
    };
  return { email: parsed.data };
}

async function findPersonalData(strapi: Core.Strapi, user: AdminUserLike, email: string) {
  const scope = await territoryScope(strapi, user);
  const mine = scope.unrestricted ? {} : { territory: { documentId: { $in: scope.territories } } };
  const where = { email: { $eqi: email }, ...mine };
  const territory = { select: ['name', 'slug'] };
  const contacts = (await strapi.db.query(PERSONAL_CONTACT).findMany({
    where,
    select: ['id', 'documentId', 'createdAt', ...CONTACT_FIELDS],
    populate: {
      territory,
      question: { select: ['question'] },
      opportunity: { select: ['title'] },
    },
    orderBy: { createdAt: 'asc' },
  })) as Array<Record<string, unknown> & { id: number }>;
  const bookings = (await strapi.db.query(BOOKING_TYPE).findMany({
    where,
    select: ['id', 'documentId', 'createdAt', ...BOOKING_FIELDS],
    populate: { territory },
    orderBy: { startsAt: 'asc' },
  })) as Array<Record<string, unknown> & { id: number; documentId: string }>;
  return { contacts, bookings };
}

/** What the person gets: their data as stored, with the territory and the content it concerns named. */
function exported(email: string, found: Awaited<ReturnType<typeof findPersonalData>>): PersonalData {
  const named = (relation: unknown) => (relation as { name?: string } | null)?.name ?? null;
  return {
    email,
    contacts: found.contacts.map(({ id: _id, territory, question, opportunity, ...rest }) => ({
      ...rest,
      territory: named(territory),
      question: (question as { question?: string } | null)?.question ?? null,
      opportunity: (opportunity as { title?: string } | null)?.title ?? null,
    })),
    bookings: found.bookings.map(({ id: _id, territory, ...rest }) => ({ ...rest, territory: named(territory) })),
  };
}

export function registerPersonalDataRoutes(strapi: Core.Strapi): void {
  const withEmail = (work: (ctx: Context, email: string) => Promise<void>) => async (ctx: Context) => {
    const checked = emailOf(ctx.query);
    if ('problem' in checked) {
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: { status: 400, name: 'ValidationError', message: checked.problem, details: checked.details },
      };
      return;
    }
    await work(ctx, checked.email);
  };
  strapi.server.routes({
    type: 'admin',
    prefix: '/sito',
    routes: [
      {
        method: 'GET',
        path: '/personal-data',
        handler: withEmail(async (ctx, email) => {
          const found = await findPersonalData(strapi, ctx.state.user!, email);
          ctx.status = 200;
          ctx.body = { data: exported(email, found) };
        }),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'DELETE',
        path: '/personal-data',
        handler: withEmail(async (ctx, email) => {
          const found = await findPersonalData(strapi, ctx.state.user!, email);
          if (found.contacts.length)
            await strapi.db
              .query(PERSONAL_CONTACT)
              .deleteMany({ where: { id: { $in: found.contacts.map((row) => row.id) } } });
          // Through the document service, so each booking's slot is freed in its transaction.
          for (const booking of found.bookings)
            await strapi.documents(BOOKING_TYPE).delete({ documentId: booking.documentId });
          const erased = { contacts: found.contacts.length, bookings: found.bookings.length };
          strapi.log.info(
            `[sito] personal data erased on request by admin user #${ctx.state.user!.id}: ${erased.contacts} contacts, ${erased.bookings} bookings`,
          );
          ctx.status = 200;
          ctx.body = { data: { erased } };
        }),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
