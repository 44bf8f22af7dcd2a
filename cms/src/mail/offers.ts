import type { Core, Modules } from '@strapi/strapi';
import { entryPagePath, romeDate, type SubmissionLang } from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { adminUrl, afterCommit, afterRequest, operatorsOf, sendMail } from './index';

/**
 * The mail of «Pubblica un'offerta» (cms/src/offers):
 * - a new offer, to the operators of its territory, with the link to the draft in the admin;
 * - «your offer is online», to who sent it, once, when the opportunity is first published;
 * - «your offer has expired», to who sent it, once, the night after its last day to apply.
 * Sent after the write commits, never failing it (./index.ts).
 */
const OPPORTUNITY = 'api::opportunity.opportunity';
const CONTACT = 'api::personal-contact.personal-contact';

export function notifyNewOffer(
  strapi: Core.Strapi,
  offer: { documentId: string; title: string; organisation: string; locale: SubmissionLang },
  hub: { documentId: string; name: string },
): void {
  afterRequest(strapi, async () => {
    const to = await operatorsOf(strapi, hub.documentId);
    if (to.length === 0) strapi.log.warn(`[sito] ${hub.name} has no active operator to tell of a new offer`);
    await sendMail(strapi, {
      to,
      subject: `Nuova offerta da pubblicare per ${hub.name}`,
      text: [
        `${offer.organisation} ha proposto un’offerta da «Pubblica un’offerta» sul sito di ${hub.name}${offer.locale === 'en' ? ' (in inglese)' : ''}:`,
        '',
        `«${offer.title}»`,
        '',
        'È una bozza da rivedere (fromSubmission): controllala (ente, partita IVA, contenuto), completala e pubblicala dal pannello. Chi l’ha inviata riceve una email quando è online.',
        `${adminUrl(strapi)}/admin/content-manager/collection-types/${OPPORTUNITY}/${offer.documentId}?plugins[i18n][locale]=${offer.locale}`,
      ].join('\n'),
    });
  });
}

const WORDS = {
  it: {
    online: 'La tua offerta è online',
    onlineText: (office: string) => `${office} ha pubblicato l’offerta che avete proposto:`,
    expired: 'La tua offerta è scaduta',
    expiredText: (office: string) =>
      `L’offerta che avete proposto a ${office} è scaduta ieri e non compare più tra quelle aperte:`,
    again: 'Se cercate ancora, potete proporne una nuova sul sito.',
    page: 'La pagina:',
    why: 'Vi scriviamo perché avete inviato l’offerta dal sito. I vostri dati di contatto sono cancellati dopo la scadenza.',
  },
  en: {
    online: 'Your offer is online',
    onlineText: (office: string) => `${office} has published the offer you proposed:`,
    expired: 'Your offer has expired',
    expiredText: (office: string) =>
      `The offer you proposed to ${office} expired yesterday and is no longer listed among the open ones:`,
    again: 'If you are still looking, you can propose a new one on the website.',
    page: 'The page:',
    why: 'We are writing because you sent the offer from the website. Your contact details are erased after it expires.',
  },
} as const;

interface OfferContact {
  id: number;
  email: string;
  language: SubmissionLang;
  opportunity: { documentId: string } | null;
  territory: { slug: string; name: string } | null;
}

const offerContacts = (strapi: Core.Strapi, where: Record<string, unknown>) =>
  strapi.db.query(CONTACT).findMany({
    where: { purpose: 'offer', email: { $notNull: true }, ...where },
    populate: { opportunity: { select: ['documentId'] }, territory: { select: ['slug', 'name'] } },
  }) as Promise<OfferContact[]>;

/** The published version of the offer in the contact's language, or in Italian. */
async function publishedOffer(strapi: Core.Strapi, documentId: string, lang: SubmissionLang) {
  const versions = (await strapi.db.query(OPPORTUNITY).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['slug', 'title', 'locale', 'deadline'],
  })) as Array<{ slug: string; title: string; locale: SubmissionLang; deadline: string | Date | null }>;
  return (
    versions.find((version) => version.locale === lang) ??
    versions.find((version) => version.locale === 'it') ??
    versions[0] ??
    null
  );
}

const pageOf = (slug: string, lang: SubmissionLang, territory: string) =>
  `${cmsEnv().SITO_HUBS_URL.replace(/\/$/, '')}${entryPagePath(`/${territory}`, OPPORTUNITY, slug, lang)}`;

/** Publishing an offer tells who sent it, once. */
export function notifyOffers(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const result = await next();
    const documentId = (ctx.params as { documentId?: string }).documentId;
    if (ctx.uid !== OPPORTUNITY || ctx.action !== 'publish' || !documentId) return result;
    await afterCommit(strapi, async () => {
      for (const contact of await offerContacts(strapi, {
        opportunity: { documentId },
        publishedNotifiedAt: { $null: true },
      })) {
        const offer = await publishedOffer(strapi, documentId, contact.language);
        if (!offer || !contact.territory) continue;
        const words = WORDS[contact.language] ?? WORDS.it;
        const sent = await sendMail(strapi, {
          to: [contact.email],
          subject: `${words.online} · ${contact.territory.name}`,
          text: [
            words.onlineText(contact.territory.name),
            '',
            `«${offer.title}»`,
            '',
            words.page,
            pageOf(offer.slug, offer.locale, contact.territory.slug),
            '',
            words.why,
          ].join('\n'),
        });
        if (sent)
          await strapi.db
            .query(CONTACT)
            .update({ where: { id: contact.id }, data: { publishedNotifiedAt: new Date() } });
      }
    });
    return result;
  };
}

/** Every night and at boot: offers whose last day to apply has passed tell who sent them, once. */
export async function notifyExpiredOffers(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const today = romeDate(now);
  let told = 0;
  for (const contact of await offerContacts(strapi, {
    publishedNotifiedAt: { $notNull: true },
    expiryNotifiedAt: { $null: true },
  })) {
    if (!contact.opportunity || !contact.territory) continue;
    const offer = await publishedOffer(strapi, contact.opportunity.documentId, contact.language);
    const deadline = offer?.deadline ? new Date(offer.deadline).toISOString().slice(0, 10) : null;
    if (!offer || !deadline || deadline >= today) continue;
    const words = WORDS[contact.language] ?? WORDS.it;
    const sent = await sendMail(strapi, {
      to: [contact.email],
      subject: `${words.expired} · ${contact.territory.name}`,
      text: [words.expiredText(contact.territory.name), '', `«${offer.title}»`, '', words.again, '', words.why].join(
        '\n',
      ),
    });
    if (sent) {
      told += 1;
      await strapi.db.query(CONTACT).update({ where: { id: contact.id }, data: { expiryNotifiedAt: new Date() } });
    }
  }
  return told;
}
