import { z } from 'zod';
import { emailSchema, slugSchema } from './schemas/common.js';

/**
 * What a young person sends from a hub («Fai una domanda»), as the CMS's public endpoint accepts it
 * (cms/src/submissions). Shared so the hub's form and the endpoint agree on limits and words.
 * Every message exists in Italian and English: the form's language decides.
 */

export type SubmissionLang = 'it' | 'en';

/** Limits of a question: long enough to be answerable, short enough to read, at most two links. */
export const QUESTION_LIMITS = { minLength: 20, maxLength: 500, maxLinks: 2, minAge: 14, maxAge: 99 } as const;

/** Markup becomes plain text: tags and comments are dropped, control characters and repeated blank lines go. */
export function plainText(input: string): string {
  return (
    input
      // A tag starts with < and a letter (or </, <!--): «se guadagno < 5000 euro» is text and stays.
      .replace(/<!--[\s\S]*?(?:-->|$)|<\/?[a-z][^<>]*(?:>|$)/gi, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** Web addresses in a text, written with or without the scheme. */
export const countLinks = (text: string): number => (text.match(/\b(?:https?:\/\/|www\.)\S+/gi) ?? []).length;

const MESSAGES = {
  it: {
    hub: 'Il sito da cui scrivi non è tra quelli della rete.',
    question: `Scrivi la domanda in almeno ${QUESTION_LIMITS.minLength} caratteri e al massimo ${QUESTION_LIMITS.maxLength}.`,
    links: `La domanda può contenere al massimo ${QUESTION_LIMITS.maxLinks} indirizzi web.`,
    area: "L'argomento scelto non esiste.",
    age: `L'età, se vuoi indicarla, è un numero tra ${QUESTION_LIMITS.minAge} e ${QUESTION_LIMITS.maxAge}.`,
    email: "L'indirizzo email non è valido (per esempio nome@esempio.it).",
    consent: "Per inviare la domanda devi dichiarare di aver letto l'informativa sulla privacy.",
    website: 'Questo campo deve restare vuoto.',
    altcha: 'La verifica anti-spam non è riuscita: ricarica la pagina e riprova.',
  },
  en: {
    hub: 'The site you are writing from is not one of the network’s.',
    question: `Write your question in at least ${QUESTION_LIMITS.minLength} characters and at most ${QUESTION_LIMITS.maxLength}.`,
    links: `Your question may contain at most ${QUESTION_LIMITS.maxLinks} web addresses.`,
    area: 'The topic you chose does not exist.',
    age: `Your age, if you give it, is a number between ${QUESTION_LIMITS.minAge} and ${QUESTION_LIMITS.maxAge}.`,
    email: 'The email address is not valid (for example name@example.com).',
    consent: 'To send your question, confirm that you have read the privacy notice.',
    website: 'This field must stay empty.',
    altcha: 'The anti-spam check failed: reload the page and try again.',
  },
} as const;
export type SubmissionField = keyof (typeof MESSAGES)['it'];
export const submissionMessage = (lang: SubmissionLang, field: SubmissionField): string => MESSAGES[lang][field];

/** A form field: HTML forms send strings, JSON may send numbers and booleans; empty means absent. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/** The fields of «Fai una domanda», before the anti-spam checks (honeypot, proof of work, rates). */
export const questionSubmissionSchema = z.object({
  hub: slugSchema,
  question: z
    .string()
    .transform(plainText)
    .pipe(z.string().min(QUESTION_LIMITS.minLength).max(QUESTION_LIMITS.maxLength)),
  area: optional(slugSchema),
  age: optional(z.coerce.number().int().min(QUESTION_LIMITS.minAge).max(QUESTION_LIMITS.maxAge)),
  email: optional(z.string().trim().toLowerCase().pipe(emailSchema)),
  // A checkbox sends «on»; JSON may send true.
  consent: z.union([z.literal(true), z.literal('on'), z.literal('true')]).transform(() => true as const),
  lang: z.enum(['it', 'en']).default('it'),
});
export type QuestionSubmission = z.infer<typeof questionSubmissionSchema>;

/**
 * Checks a form's fields against its schema: its data, or every problem by the form's field name
 * with the message in the form's language (`lang` itself falls back to Italian). `extra` adds the
 * checks a schema cannot say (too many links).
 */
export function checkFields<Field extends string, Data>(
  schema: z.ZodType<Data>,
  messages: Record<SubmissionLang, Record<Field, string>>,
  fallback: Field,
  input: Record<string, unknown>,
  extra?: (data: Data) => Partial<Record<Field, string>>,
): { data: Data } | { lang: SubmissionLang; problems: Partial<Record<Field, string>> } {
  const lang: SubmissionLang = input.lang === 'en' ? 'en' : 'it';
  const parsed = schema.safeParse(input);
  let problems: Partial<Record<Field, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? fallback) as Field;
      if (field in messages.it) problems[field] ??= messages[lang][field];
    }
    if (Object.keys(problems).length === 0) problems[fallback] = messages[lang][fallback];
  } else if (extra) {
    problems = extra(parsed.data);
  }
  return parsed.success && Object.keys(problems).length === 0 ? { data: parsed.data } : { lang, problems };
}

/** Checks «Fai una domanda»: its data, or every problem by field, in the form's language. */
export const checkQuestionSubmission = (input: Record<string, unknown>) =>
  checkFields<SubmissionField, QuestionSubmission>(questionSubmissionSchema, MESSAGES, 'question', input, (data) =>
    countLinks(data.question) > QUESTION_LIMITS.maxLinks ? { question: submissionMessage(data.lang, 'links') } : {},
  );

/** The words of the «Fai una domanda» form, shared by the hub's page and the CMS's no-JavaScript pages. */
const FORM_TEXT = {
  it: {
    title: 'Fai una domanda',
    intro:
      'Un operatore Informagiovani ti risponde. Le risposte sono pubblicate in forma anonima su «L’esperto risponde».',
    question: 'La tua domanda',
    questionHint: `Da ${QUESTION_LIMITS.minLength} a ${QUESTION_LIMITS.maxLength} caratteri, al massimo ${QUESTION_LIMITS.maxLinks} indirizzi web. Non scrivere nome, cognome o altri dati personali.`,
    area: 'Argomento (facoltativo)',
    anyArea: 'Nessun argomento in particolare',
    age: 'Età (facoltativa)',
    ageHint: 'Ci aiuta a darti una risposta adatta a te.',
    email: 'Email (facoltativa)',
    emailHint: 'Solo se vuoi sapere quando la risposta è pubblicata: la usiamo solo per questo.',
    consent: 'Ho letto l’informativa sulla privacy',
    privacy: 'Informativa sulla privacy',
    website: 'Non compilare questo campo',
    submit: 'Invia la domanda',
    sending: 'Invio in corso…',
    offline: 'Il servizio non ha risposto: controlla la connessione e riprova. Quello che hai scritto è ancora qui.',
    errors: 'La domanda non è stata inviata. Correggi questi campi:',
    confirmTitle: 'Controlla e conferma la domanda',
    confirmIntro:
      'Senza JavaScript non possiamo fare la verifica anti-spam automatica: controlla la domanda e conferma l’invio.',
    confirm: 'Conferma e invia',
    tooFast: 'Hai confermato molto in fretta: attendi qualche secondo e conferma di nuovo.',
    expired: 'La conferma è scaduta: controlla la domanda e conferma di nuovo.',
    sentTitle: 'Domanda inviata',
    sent: 'Grazie! La tua domanda è arrivata e un operatore la leggerà.',
    sentEmail: 'Se hai indicato un’email, ti scriveremo quando la risposta sarà pubblicata.',
    back: 'Torna a «L’esperto risponde»',
  },
  en: {
    title: 'Ask a question',
    intro: 'An Informagiovani operator answers you. Answers are published anonymously in «Ask the expert».',
    question: 'Your question',
    questionHint: `From ${QUESTION_LIMITS.minLength} to ${QUESTION_LIMITS.maxLength} characters, at most ${QUESTION_LIMITS.maxLinks} web addresses. Do not write your name or other personal data.`,
    area: 'Topic (optional)',
    anyArea: 'No topic in particular',
    age: 'Age (optional)',
    ageHint: 'It helps us give you an answer that fits you.',
    email: 'Email (optional)',
    emailHint:
      'Only if you want to know when the answer is published. We use it for that alone and delete it afterwards.',
    consent: 'I have read the privacy notice',
    privacy: 'Privacy notice',
    website: 'Do not fill in this field',
    submit: 'Send the question',
    sending: 'Sending…',
    offline: 'The service did not answer: check your connection and try again. What you wrote is still here.',
    errors: 'Your question was not sent. Please correct these fields:',
    confirmTitle: 'Check and confirm your question',
    confirmIntro: 'Without JavaScript the anti-spam check cannot run by itself: check your question and confirm.',
    confirm: 'Confirm and send',
    tooFast: 'You confirmed very quickly: wait a few seconds and confirm again.',
    expired: 'The confirmation expired: check your question and confirm again.',
    sentTitle: 'Question sent',
    sent: 'Thank you! Your question has arrived and an operator will read it.',
    sentEmail: 'If you gave an email address, we will write to you when the answer is published.',
    back: 'Back to «Ask the expert»',
  },
} as const;
export type QuestionFormText = { readonly [K in keyof (typeof FORM_TEXT)['it']]: string };
export const questionFormText = (lang: SubmissionLang): QuestionFormText => FORM_TEXT[lang];

/**
 * Where a form's sender goes once it is sent: a path of the same site (`/cremona/…`), never
 * another site (`//evil.example`, `/\evil.example`, `https://…`); anything else is the hub's home.
 */
export function sameSitePath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]{0,300}$/.test(value) && !value.includes('\\')
    ? value
    : fallback;
}
