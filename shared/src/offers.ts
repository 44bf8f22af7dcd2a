import { z } from 'zod';
import { addDays, romeDate } from './dates.js';
import { emailSchema, slugSchema, webUrlSchema } from './schemas/common.js';
import { checkFields, countLinks, optional, plainText, QUESTION_LIMITS, type SubmissionLang } from './submissions.js';

/**
 * «Pubblica un'offerta»: what a company or an organisation sends from a hub (cms/src/offers), shared
 * so the hub's form and the CMS's endpoint agree on limits and words. It becomes a draft
 * opportunity of the hub's territory, marked as coming from a submission, for the operators to
 * review; who sent it is kept apart, as a private contact.
 */

/** The kinds of opportunity a company may propose (calls, grants and civil service are the offices'). */
export const OFFER_KINDS = ['job', 'internship', 'apprenticeship', 'seasonal', 'volunteering'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_RULES = {
  titleMin: 5,
  titleMax: 120,
  summaryMin: 20,
  summaryMax: 600,
  descriptionMax: 3000,
  /** How far ahead the last day to apply may be. */
  deadlineDays: 365,
  /** The age range the network serves: an offer is stored with it, the operator narrows it. */
  ageMin: 15,
  ageMax: 34,
} as const;

/**
 * An Italian VAT number (partita IVA): 11 digits, the last one a check digit (the Luhn algorithm as
 * the Agenzia delle Entrate defines it), optionally written with «IT» and spaces. Answers the 11
 * digits, or null.
 */
export function partitaIva(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '').replace(/^IT/i, '');
  if (!/^\d{11}$/.test(digits) || /^0{11}$/.test(digits)) return null;
  let sum = 0;
  for (let index = 0; index < 10; index += 1) {
    const digit = Number(digits[index]);
    if (index % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[10]) ? digits : null;
}

const OFFER_MESSAGES = {
  it: {
    hub: 'Il sito da cui scrivi non è tra quelli della rete.',
    kind: 'Scegli il tipo di offerta.',
    title: `Il titolo va da ${OFFER_RULES.titleMin} a ${OFFER_RULES.titleMax} caratteri.`,
    summary: `Descrivi l’offerta in breve, da ${OFFER_RULES.summaryMin} a ${OFFER_RULES.summaryMax} caratteri.`,
    description: `La descrizione può avere al massimo ${OFFER_RULES.descriptionMax} caratteri e ${QUESTION_LIMITS.maxLinks} indirizzi web.`,
    municipality: 'Il comune, se lo indichi, va da 2 a 80 caratteri.',
    remote: 'Indica solo se l’offerta si può svolgere a distanza (sì o no).',
    deadline: `La scadenza è una data tra oggi e i prossimi ${OFFER_RULES.deadlineDays} giorni.`,
    applyUrl: 'L’indirizzo per candidarsi deve iniziare con https:// (per esempio https://azienda.it/lavora-con-noi).',
    applyEmail: 'Indica come candidarsi: un indirizzo web o un’email valida (per esempio lavoro@azienda.it).',
    organisation: 'Scrivi il nome dell’azienda o dell’ente, da 2 a 120 caratteri.',
    vatNumber: 'La partita IVA non è valida: sono 11 cifre e l’ultima è di controllo.',
    contactName: 'Scrivi il nome della persona di riferimento, da 2 a 80 caratteri.',
    contactEmail: 'Serve un indirizzo email valido: ti scriviamo lì quando l’offerta è pubblicata.',
    consent: "Per inviare l'offerta devi dichiarare di aver letto l'informativa sulla privacy.",
    website: 'Questo campo deve restare vuoto.',
    altcha: 'La verifica anti-spam non è riuscita: ricarica la pagina e riprova.',
  },
  en: {
    hub: 'The site you are writing from is not one of the network’s.',
    kind: 'Choose the kind of offer.',
    title: `The title has from ${OFFER_RULES.titleMin} to ${OFFER_RULES.titleMax} characters.`,
    summary: `Describe the offer briefly, from ${OFFER_RULES.summaryMin} to ${OFFER_RULES.summaryMax} characters.`,
    description: `The description may have at most ${OFFER_RULES.descriptionMax} characters and ${QUESTION_LIMITS.maxLinks} web addresses.`,
    municipality: 'The town, if you give it, has from 2 to 80 characters.',
    remote: 'Only say whether the offer can be done remotely (yes or no).',
    deadline: `The deadline is a date between today and the next ${OFFER_RULES.deadlineDays} days.`,
    applyUrl: 'The address to apply at must start with https:// (for example https://company.it/careers).',
    applyEmail: 'Say how to apply: a web address or a valid email (for example jobs@company.it).',
    organisation: 'Write the name of the company or organisation, from 2 to 120 characters.',
    vatNumber: 'The VAT number is not valid: an Italian one has 11 digits, the last a check digit.',
    contactName: 'Write the name of the contact person, from 2 to 80 characters.',
    contactEmail: 'We need a valid email address: we write there when the offer is published.',
    consent: 'To send the offer, confirm that you have read the privacy notice.',
    website: 'This field must stay empty.',
    altcha: 'The anti-spam check failed: reload the page and try again.',
  },
} as const;
export type OfferField = keyof (typeof OFFER_MESSAGES)['it'];
export const offerMessage = (lang: SubmissionLang, field: OfferField): string => OFFER_MESSAGES[lang][field];

const text = (min: number, max: number) => z.string().transform(plainText).pipe(z.string().min(min).max(max));
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
  .transform((v) => v === true || v === 'on' || v === 'true');

/** The fields of «Pubblica un'offerta», before the anti-spam checks; `today` is Rome's date. */
export const offerSubmissionSchema = (today: string) =>
  z.object({
    hub: slugSchema,
    kind: z.enum(OFFER_KINDS),
    title: text(OFFER_RULES.titleMin, OFFER_RULES.titleMax),
    summary: text(OFFER_RULES.summaryMin, OFFER_RULES.summaryMax),
    description: optional(text(0, OFFER_RULES.descriptionMax)),
    municipality: optional(text(2, 80)),
    remote: optional(checkbox).transform((value) => value ?? false),
    deadline: optional(
      z.iso.date().refine((date) => date >= today && date <= addDays(today, OFFER_RULES.deadlineDays)),
    ),
    applyUrl: optional(
      z
        .string()
        .trim()
        .pipe(webUrlSchema)
        .refine((url) => url.startsWith('https://')),
    ),
    applyEmail: optional(z.string().trim().toLowerCase().pipe(emailSchema)),
    organisation: text(2, 120),
    vatNumber: z.string().transform((value, ctx) => {
      const digits = partitaIva(value);
      if (!digits) ctx.addIssue({ code: 'custom', message: 'not a partita IVA' });
      return digits ?? '';
    }),
    contactName: text(2, 80),
    contactEmail: z.string().trim().toLowerCase().pipe(emailSchema),
    consent: z.union([z.literal(true), z.literal('on'), z.literal('true')]).transform(() => true as const),
    lang: z.enum(['it', 'en']).default('it'),
  });
export type OfferSubmission = z.infer<ReturnType<typeof offerSubmissionSchema>>;

/** What a company writes in «Pubblica un'offerta», in the form's order: a refused form shows it again. */
export const OFFER_FORM_FIELDS = [
  'kind',
  'title',
  'summary',
  'description',
  'municipality',
  'remote',
  'deadline',
  'applyUrl',
  'applyEmail',
  'organisation',
  'vatNumber',
  'contactName',
  'contactEmail',
] as const satisfies ReadonlyArray<keyof OfferSubmission>;

/** Checks «Pubblica un'offerta»: its data, or every problem by field, in the form's language. */
export const checkOfferSubmission = (input: Record<string, unknown>, now = new Date()) =>
  checkFields<OfferField, OfferSubmission>(
    offerSubmissionSchema(romeDate(now)),
    OFFER_MESSAGES,
    'title',
    input,
    (data) => ({
      ...(countLinks(data.description ?? '') > QUESTION_LIMITS.maxLinks
        ? { description: offerMessage(data.lang, 'description') }
        : {}),
      ...(!data.applyUrl && !data.applyEmail ? { applyEmail: offerMessage(data.lang, 'applyEmail') } : {}),
    }),
  );

const KIND_LABELS: Record<SubmissionLang, Record<OfferKind, string>> = {
  it: {
    job: 'Lavoro',
    internship: 'Tirocinio',
    apprenticeship: 'Apprendistato',
    seasonal: 'Lavoro stagionale',
    volunteering: 'Volontariato',
  },
  en: {
    job: 'Job',
    internship: 'Internship',
    apprenticeship: 'Apprenticeship',
    seasonal: 'Seasonal job',
    volunteering: 'Volunteering',
  },
};
export const offerKindLabel = (lang: SubmissionLang, kind: OfferKind): string => KIND_LABELS[lang][kind];

/** The words of «Pubblica un'offerta», on the hub's page and the CMS's no-JavaScript pages. */
const OFFER_TEXT = {
  it: {
    title: 'Pubblica un’offerta',
    intro:
      'Aziende, enti e associazioni del territorio possono proporre offerte di lavoro, tirocinio, apprendistato, lavoro stagionale e volontariato per ragazze e ragazzi. Un operatore Informagiovani la controlla prima di pubblicarla.',
    offer: 'L’offerta',
    kind: 'Tipo di offerta',
    titleLabel: 'Titolo',
    titleHint: 'Per esempio: «Addetto/a alla reception, contratto estivo».',
    summary: 'In breve',
    summaryHint: `Due o tre frasi, al massimo ${OFFER_RULES.summaryMax} caratteri: appaiono negli elenchi e nella ricerca.`,
    description: 'Descrizione (facoltativa)',
    descriptionHint: 'Mansioni, orari, requisiti, che cosa offrite.',
    municipality: 'Comune (facoltativo)',
    remote: 'Si può svolgere a distanza',
    deadline: 'Ultimo giorno per candidarsi (facoltativo)',
    applyUrl: 'Indirizzo web per candidarsi (facoltativo)',
    applyEmail: 'Email per le candidature (facoltativa)',
    applyHint: 'Serve almeno uno dei due.',
    who: 'Chi propone l’offerta',
    organisation: 'Azienda o ente',
    vatNumber: 'Partita IVA',
    vatHint: '11 cifre. Non viene pubblicata.',
    contactName: 'Persona di riferimento',
    contactEmail: 'Email della persona di riferimento',
    contactHint: 'Non viene pubblicata: ti scriviamo quando l’offerta è online e quando scade.',
    consent: 'Ho letto l’informativa sulla privacy',
    privacy: 'Informativa sulla privacy',
    website: 'Non compilare questo campo',
    submit: 'Invia l’offerta',
    sending: 'Invio in corso…',
    offline: 'Il servizio non ha risposto: controlla la connessione e riprova. Quello che hai scritto è ancora qui.',
    errors: 'L’offerta non è stata inviata. Correggi questi campi:',
    confirmTitle: 'Controlla e conferma l’offerta',
    confirmIntro:
      'Controlla i dati e conferma: l’offerta arriva all’Informagiovani, che la verifica prima di pubblicarla.',
    confirm: 'Conferma e invia',
    tooFast: 'Hai confermato molto in fretta: attendi qualche secondo e conferma di nuovo.',
    expired: 'La conferma è scaduta: controlla i dati e conferma di nuovo.',
    sentTitle: 'Offerta inviata',
    sent: 'Grazie! L’offerta è arrivata all’Informagiovani. Un operatore la controlla e la pubblica: ti scriviamo quando è online.',
    back: 'Torna alle opportunità',
    another: 'Proponi un’altra offerta',
  },
  en: {
    title: 'Post an offer',
    intro:
      'Companies, public bodies and associations of the area can propose jobs, internships, apprenticeships, seasonal jobs and volunteering for young people. An Informagiovani operator checks each offer before publishing it.',
    offer: 'The offer',
    kind: 'Kind of offer',
    titleLabel: 'Title',
    titleHint: 'For example: «Receptionist, summer contract».',
    summary: 'In short',
    summaryHint: `Two or three sentences, at most ${OFFER_RULES.summaryMax} characters: shown in listings and search.`,
    description: 'Description (optional)',
    descriptionHint: 'Tasks, hours, requirements, what you offer.',
    municipality: 'Town (optional)',
    remote: 'Can be done remotely',
    deadline: 'Last day to apply (optional)',
    applyUrl: 'Web address to apply (optional)',
    applyEmail: 'Email for applications (optional)',
    applyHint: 'At least one of the two is needed.',
    who: 'Who proposes the offer',
    organisation: 'Company or organisation',
    vatNumber: 'Italian VAT number (partita IVA)',
    vatHint: '11 digits. Not published.',
    contactName: 'Contact person',
    contactEmail: 'Email of the contact person',
    contactHint: 'Not published: we write when the offer is online and when it expires.',
    consent: 'I have read the privacy notice',
    privacy: 'Privacy notice',
    website: 'Do not fill in this field',
    submit: 'Send the offer',
    sending: 'Sending…',
    offline: 'The service did not answer: check your connection and try again. What you wrote is still here.',
    errors: 'Your offer was not sent. Please correct these fields:',
    confirmTitle: 'Check and confirm the offer',
    confirmIntro:
      'Check the details and confirm: the offer reaches Informagiovani, who checks it before publishing it.',
    confirm: 'Confirm and send',
    tooFast: 'You confirmed very quickly: wait a few seconds and confirm again.',
    expired: 'The confirmation expired: check the details and confirm again.',
    sentTitle: 'Offer sent',
    sent: 'Thank you! Your offer has reached Informagiovani. An operator checks and publishes it: we write to you when it is online.',
    back: 'Back to the home page',
    another: 'Propose another offer',
  },
} as const;
export type OfferFormText = { readonly [K in keyof (typeof OFFER_TEXT)['it']]: string };
export const offerFormText = (lang: SubmissionLang): OfferFormText => OFFER_TEXT[lang];

/** The hub's offer pages: the form and the page after it, in Italian and English. */
export const offerPaths = (hub: string, lang: SubmissionLang) =>
  lang === 'en'
    ? {
        form: `/${hub}/en/post-an-offer/`,
        sent: `/${hub}/en/post-an-offer/sent/`,
        privacy: `/${hub}/en/privacy/`,
        back: `/${hub}/en/`,
      }
    : {
        form: `/${hub}/pubblica-offerta/`,
        sent: `/${hub}/pubblica-offerta/offerta-inviata/`,
        privacy: `/${hub}/privacy/`,
        back: `/${hub}/opportunita/`,
      };
