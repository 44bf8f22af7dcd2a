import { z } from 'zod';
import { romeDate, romeTimeToUtc, addDays, TIME_ZONE } from './dates.js';
import { emailSchema, slugSchema } from './schemas/common.js';
import type { ContactPoint, Weekday } from './schemas/territory.js';
import { checkFields, countLinks, optional, plainText, QUESTION_LIMITS, type SubmissionLang } from './submissions.js';

/**
 * «Prenota un appuntamento», the online desk: a young person books a slot at one of their hub's
 * contact points (sportelli) for a service, in person or online. The slots come from the contact
 * point's weekly hours and exceptions, minus public holidays and what is already booked; the CMS
 * (cms/src/bookings) keeps one booking per slot with a unique index. Shared so the hub's form, the
 * CMS's endpoint and its no-JavaScript pages agree on services, limits and words.
 */

export const BOOKING_SERVICES = ['cv-check', 'orientation', 'job-search', 'abroad'] as const;
export type BookingService = (typeof BOOKING_SERVICES)[number];
export const BOOKING_MODES = ['in-person', 'online'] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];
export const BOOKING_STATUSES = ['requested', 'confirmed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * How slots are offered: half an hour each, over the next two weeks, from two hours ahead (the
 * office needs time to see the request). Name and note limits are what a person needs.
 */
export const BOOKING_RULES = { slotMinutes: 30, days: 14, leadMinutes: 120, nameMax: 80, noteMax: 300 } as const;

export interface Slot {
  /** UTC instants, as Strapi stores a `datetime`. */
  startsAt: string;
  endsAt: string;
  /** The day and time in Rome, as the reader sees them: `2026-12-03`, `09:30`. */
  date: string;
  time: string;
}

const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const minutesOf = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};
const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The slots a contact point offers from `now`: each day of the window, the exception's hours if
 * that day has one (none if closed), else the weekday's hours unless `closedOn` says the day is a
 * holiday; cut in slots, none sooner than the lead time, none already `taken` (UTC instants).
 */
export function bookableSlots(
  point: Pick<ContactPoint, 'openingHours' | 'exceptions'>,
  options: { now: Date; taken?: ReadonlySet<string>; closedOn?: (isoDate: string) => boolean },
): Slot[] {
  const { slotMinutes, days, leadMinutes } = BOOKING_RULES;
  const earliest = options.now.getTime() + leadMinutes * 60_000;
  const today = romeDate(options.now);
  const slots: Slot[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = addDays(today, offset);
    const exception = point.exceptions.find((day) => day.date === date);
    const weekday = WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
    const intervals = exception
      ? exception.closed || !exception.opens || !exception.closes
        ? []
        : [{ opens: exception.opens, closes: exception.closes }]
      : options.closedOn?.(date)
        ? []
        : point.openingHours.filter((interval) => interval.day === weekday);
    const starts = intervals.flatMap(({ opens, closes }) => {
      const times: number[] = [];
      for (let t = minutesOf(opens); t + slotMinutes <= minutesOf(closes); t += slotMinutes) times.push(t);
      return times;
    });
    for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
      const startsAt = romeTimeToUtc(date, clock(start));
      if (Date.parse(startsAt) < earliest || options.taken?.has(startsAt)) continue;
      slots.push({ startsAt, endsAt: romeTimeToUtc(date, clock(start + slotMinutes)), date, time: clock(start) });
    }
  }
  return slots;
}

/** The key of a slot, unique among live bookings: a territory's contact point at an instant. */
export const slotKey = (territory: string, point: string, startsAt: string): string =>
  `${territory}|${point}|${new Date(startsAt).toISOString()}`;

const SERVICE_LABELS: Record<SubmissionLang, Record<BookingService, string>> = {
  it: {
    'cv-check': 'Revisione del curriculum',
    orientation: 'Colloquio di orientamento',
    'job-search': 'Supporto alla ricerca di lavoro',
    abroad: 'Studio e lavoro all’estero',
  },
  en: {
    'cv-check': 'CV check',
    orientation: 'Orientation talk',
    'job-search': 'Job search support',
    abroad: 'Study and work abroad',
  },
};
const MODE_LABELS: Record<SubmissionLang, Record<BookingMode, string>> = {
  it: { 'in-person': 'Allo sportello', online: 'Online, in videochiamata' },
  en: { 'in-person': 'At the office', online: 'Online, by video call' },
};
export const serviceLabel = (lang: SubmissionLang, service: BookingService): string => SERVICE_LABELS[lang][service];
export const modeLabel = (lang: SubmissionLang, mode: BookingMode): string => MODE_LABELS[lang][mode];

/** «giovedì 3 dicembre, 09:30» in Rome, in the reader's language. */
export function formatSlot(startsAt: string, lang: SubmissionLang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(startsAt));
}
/** «giovedì 3 dicembre» for a `YYYY-MM-DD` day. */
export const formatDay = (date: string, lang: SubmissionLang): string =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${date}T12:00:00Z`));

const BOOKING_MESSAGES = {
  it: {
    hub: 'Il sito da cui scrivi non è tra quelli della rete.',
    point: 'Scegli uno degli sportelli dell’elenco.',
    service: 'Scegli il servizio che ti serve.',
    mode: 'Scegli se vieni allo sportello o preferisci online.',
    slot: 'Scegli un giorno e un orario tra quelli liberi.',
    taken: 'L’orario scelto è stato appena prenotato da qualcun altro: scegline un altro.',
    name: `Scrivi il tuo nome, da 2 a ${BOOKING_RULES.nameMax} caratteri.`,
    email: 'Serve un indirizzo email valido (per esempio nome@esempio.it): ti mandiamo lì la conferma.',
    note: `La nota può avere al massimo ${BOOKING_RULES.noteMax} caratteri e ${QUESTION_LIMITS.maxLinks} indirizzi web.`,
    consent: "Per prenotare devi dichiarare di aver letto l'informativa sulla privacy.",
    website: 'Questo campo deve restare vuoto.',
    altcha: 'La verifica anti-spam non è riuscita: ricarica la pagina e riprova.',
  },
  en: {
    hub: 'The site you are writing from is not one of the network’s.',
    point: 'Choose one of the offices in the list.',
    service: 'Choose the service you need.',
    mode: 'Choose whether you come to the office or prefer online.',
    slot: 'Choose a free day and time.',
    taken: 'Someone has just booked the time you chose: please choose another.',
    name: `Write your name, from 2 to ${BOOKING_RULES.nameMax} characters.`,
    email: 'We need a valid email address (for example name@example.com) to send you the confirmation.',
    note: `The note may have at most ${BOOKING_RULES.noteMax} characters and ${QUESTION_LIMITS.maxLinks} web addresses.`,
    consent: 'To book, confirm that you have read the privacy notice.',
    website: 'This field must stay empty.',
    altcha: 'The anti-spam check failed: reload the page and try again.',
  },
} as const;
export type BookingField = keyof (typeof BOOKING_MESSAGES)['it'];
export const bookingMessage = (lang: SubmissionLang, field: BookingField): string => BOOKING_MESSAGES[lang][field];

/** The fields of «Prenota», before the anti-spam checks. `slot` may be missing: the no-JS page asks for it. */
export const bookingSubmissionSchema = z.object({
  hub: slugSchema,
  point: z.string().trim().min(1).max(120),
  service: z.enum(BOOKING_SERVICES),
  mode: z.enum(BOOKING_MODES),
  slot: optional(z.iso.datetime().transform((value) => new Date(value).toISOString())),
  name: z.string().transform(plainText).pipe(z.string().min(2).max(BOOKING_RULES.nameMax)),
  email: z.string().trim().toLowerCase().pipe(emailSchema),
  note: optional(z.string().transform(plainText).pipe(z.string().max(BOOKING_RULES.noteMax))),
  consent: z.union([z.literal(true), z.literal('on'), z.literal('true')]).transform(() => true as const),
  lang: z.enum(['it', 'en']).default('it'),
});
export type BookingSubmission = z.infer<typeof bookingSubmissionSchema>;

/** The fields of «Prenota» in the form's order: problems are listed as the reader meets the fields. */
export const BOOKING_FORM_FIELDS = [
  'hub',
  'point',
  'service',
  'mode',
  'slot',
  'name',
  'email',
  'note',
  'consent',
] as const satisfies ReadonlyArray<keyof BookingSubmission & BookingField>;

export const checkBookingSubmission = (input: Record<string, unknown>) =>
  checkFields<BookingField, BookingSubmission>(bookingSubmissionSchema, BOOKING_MESSAGES, 'slot', input, (data) =>
    countLinks(data.note ?? '') > QUESTION_LIMITS.maxLinks ? { note: bookingMessage(data.lang, 'note') } : {},
  );

/** The words of «Prenota», on the hub's page, the CMS's no-JavaScript pages and the cancel page. */
const BOOKING_TEXT = {
  it: {
    title: 'Prenota un appuntamento',
    intro:
      'Un operatore Informagiovani ti aspetta allo sportello o in videochiamata. Il servizio è gratuito. Ti confermiamo l’appuntamento per email.',
    point: 'Sportello',
    service: 'Di cosa hai bisogno',
    mode: 'Come preferisci',
    slot: 'Giorno e ora',
    slotHint: `Gli orari liberi nei prossimi ${BOOKING_RULES.days} giorni. Ogni appuntamento dura ${BOOKING_RULES.slotMinutes} minuti.`,
    slotLater: 'Scegli giorno e ora nel passaggio successivo.',
    loading: 'Cerco gli orari liberi…',
    noSlots: 'Nessun orario libero nei prossimi giorni a questo sportello: prova un altro sportello o telefonaci.',
    name: 'Nome',
    email: 'Email',
    emailHint: 'Ti scriviamo qui la conferma, con il promemoria per il calendario e il link per annullare.',
    note: 'Vuoi dirci qualcosa prima? (facoltativo)',
    noteHint: `Al massimo ${BOOKING_RULES.noteMax} caratteri. Per esempio: «ho già un curriculum, vorrei migliorarlo».`,
    consent: 'Ho letto l’informativa sulla privacy',
    privacy: 'Informativa sulla privacy',
    website: 'Non compilare questo campo',
    submit: 'Chiedi l’appuntamento',
    next: 'Scegli l’orario',
    sending: 'Invio in corso…',
    offline: 'Il servizio non ha risposto: controlla la connessione e riprova. Quello che hai scritto è ancora qui.',
    errors: 'La prenotazione non è stata inviata. Correggi questi campi:',
    confirmTitle: 'Scegli l’orario e conferma',
    confirmIntro: 'Scegli uno degli orari liberi, controlla i dati e conferma la richiesta.',
    confirm: 'Conferma la richiesta',
    tooFast: 'Hai confermato molto in fretta: attendi qualche secondo e conferma di nuovo.',
    expired: 'La conferma è scaduta: controlla i dati e conferma di nuovo.',
    sentTitle: 'Richiesta inviata',
    sent: 'Grazie! La tua richiesta è arrivata. Ti abbiamo scritto per email: l’operatore conferma l’appuntamento o te ne propone un altro.',
    back: 'Torna ai contatti',
    cancelTitle: 'Annulla l’appuntamento',
    cancelIntro: 'Se non puoi venire, annulla: l’orario torna libero per un’altra persona.',
    cancelButton: 'Annulla l’appuntamento',
    cancelledTitle: 'Appuntamento annullato',
    cancelled: 'L’appuntamento è annullato e l’orario è di nuovo libero. Se ti serve, puoi prenotarne un altro.',
    badLink: 'Questo link non è valido, oppure l’appuntamento non c’è più.',
    bookAgain: 'Prenota un altro appuntamento',
  },
  en: {
    title: 'Book an appointment',
    intro:
      'An Informagiovani operator meets you at the office or by video call. The service is free. We confirm the appointment by email.',
    point: 'Office',
    service: 'What you need',
    mode: 'How you prefer',
    slot: 'Day and time',
    slotHint: `Free times in the next ${BOOKING_RULES.days} days. Each appointment lasts ${BOOKING_RULES.slotMinutes} minutes.`,
    slotLater: 'You choose the day and time in the next step.',
    loading: 'Looking for free times…',
    noSlots: 'No free time in the next days at this office: try another office or call us.',
    name: 'Name',
    email: 'Email',
    emailHint: 'We send the confirmation here, with a calendar reminder and a link to cancel.',
    note: 'Anything to tell us first? (optional)',
    noteHint: `At most ${BOOKING_RULES.noteMax} characters. For example: «I have a CV, I would like to improve it».`,
    consent: 'I have read the privacy notice',
    privacy: 'Privacy notice',
    website: 'Do not fill in this field',
    submit: 'Request the appointment',
    next: 'Choose the time',
    sending: 'Sending…',
    offline: 'The service did not answer: check your connection and try again. What you wrote is still here.',
    errors: 'Your booking was not sent. Please correct these fields:',
    confirmTitle: 'Choose the time and confirm',
    confirmIntro: 'Choose one of the free times, check your details and confirm the request.',
    confirm: 'Confirm the request',
    tooFast: 'You confirmed very quickly: wait a few seconds and confirm again.',
    expired: 'The confirmation expired: check your details and confirm again.',
    sentTitle: 'Request sent',
    sent: 'Thank you! Your request has arrived. We have emailed you: the operator confirms the appointment or proposes another time.',
    back: 'Back to the home page',
    cancelTitle: 'Cancel the appointment',
    cancelIntro: 'If you cannot come, cancel: the time becomes free for someone else.',
    cancelButton: 'Cancel the appointment',
    cancelledTitle: 'Appointment cancelled',
    cancelled: 'The appointment is cancelled and the time is free again. You can book another one if you need.',
    badLink: 'This link is not valid, or the appointment no longer exists.',
    bookAgain: 'Book another appointment',
  },
} as const;
export type BookingFormText = { readonly [K in keyof (typeof BOOKING_TEXT)['it']]: string };
export const bookingFormText = (lang: SubmissionLang): BookingFormText => BOOKING_TEXT[lang];

/** The hub's booking pages: the form and the page after it, in Italian and English. */
export const bookingPaths = (hub: string, lang: SubmissionLang) =>
  lang === 'en'
    ? { form: `/${hub}/en/book/`, sent: `/${hub}/en/book/sent/`, privacy: `/${hub}/en/privacy/`, back: `/${hub}/en/` }
    : {
        form: `/${hub}/prenota/`,
        sent: `/${hub}/prenota/richiesta-inviata/`,
        privacy: `/${hub}/privacy/`,
        back: `/${hub}/contatti/`,
      };
