import { z } from 'zod';
import { clockTimeSchema, emailSchema, phoneSchema, webUrlSchema } from '../schemas/common.js';
import { workerSecretSchema } from '../config/env.js';
import { isIsbn } from '../isbn.js';

/**
 * Editorial rules the CMS enforces on every create and update, with messages for operators
 * (in Italian, naming the field). Pure functions over the entry's data, so they are tested here
 * and reused wherever entries are checked.
 */
export interface Problem {
  /** Dotted path of the field, e.g. `contactPoints.0.openingHours.1.closes`. */
  field: string;
  message: string;
}

type Data = Record<string, unknown>;

const URL_FIELDS = new Set([
  'applyUrl',
  'sourceUrl',
  'onlineUrl',
  'registrationUrl',
  'url',
  'website',
  'deployHookUrl',
]);
const EMAIL_FIELDS = new Set(['applyEmail', 'email']);
const PHONE_FIELDS = new Set(['phone']);
const RICH_TEXT_FIELDS = new Set(['body', 'requirements', 'howToApply', 'answer', 'description', 'outcomes']);
const SAFE_SCHEME = /^(https?:|mailto:|tel:|\/|#)/i;
/** Tab, newlines and other control characters: browsers drop some of them from a URL before reading it. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** `//host` and `/\host` (browsers read a backslash as a slash): the page's scheme with another host. */
const ANOTHER_HOST = /^[/\\]{2}/;
const SCRIPT_LIKE = /<\s*script|javascript\s*:|\bon[a-z]+\s*=|<\s*iframe|<\s*object|<\s*embed/i;

const DAY_NAMES: Record<string, string> = {
  monday: 'lunedì',
  tuesday: 'martedì',
  wednesday: 'mercoledì',
  thursday: 'giovedì',
  friday: 'venerdì',
  saturday: 'sabato',
  sunday: 'domenica',
};

const isBlank = (value: unknown) => value === null || value === undefined || value === '';
const fmtDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** Why a link in rich text may not be published: see {@link linkProblem}. */
export type LinkProblem = 'control-character' | 'another-host' | 'scheme';

/**
 * Why a rich-text link is unsafe, or null if it is fine: a path on the hub (`/cremona/…`), an
 * anchor, or an http(s), mailto: or tel: address. A link that starts like a path but that a
 * browser opens on another host (`//evil.example`, `/\evil.example`, the same with its slashes
 * percent-encoded, in case a server decodes them) is refused, and so are control characters, which
 * browsers silently drop (`/<tab>/evil.example` is `//evil.example`). Spaces around it are ignored.
 */
export function linkProblem(url: string): LinkProblem | null {
  if (CONTROL_CHARACTER.test(url)) return 'control-character';
  const link = url.trim();
  let decoded = link;
  for (let round = 0; round < 3; round += 1) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      break; // A lone % is not an encoding: what is there is what a browser sees.
    }
  }
  if (ANOTHER_HOST.test(link) || ANOTHER_HOST.test(decoded) || link.startsWith('\\')) return 'another-host';
  return SAFE_SCHEME.test(link) ? null : 'scheme';
}

/** A link that may be published in rich text (see {@link linkProblem}). */
export const isSafeLink = (url: string): boolean => linkProblem(url) === null;

/** Checks one entry's data; `data` may be partial (an update), in which case only what is there is checked. */
export function checkEntry(data: Data): Problem[] {
  const problems: Problem[] = [];
  walk(data, [], problems);

  const repeated = repeatedSection(data);
  if (repeated) problems.push(repeated);

  const { opensOn, deadline, ageMin, ageMax, startsAt, endsAt, startDate, endDate } = data;
  if (typeof opensOn === 'string' && typeof deadline === 'string' && deadline < opensOn) {
    problems.push({
      field: 'deadline',
      message: `La scadenza (${fmtDate(deadline)}) è precedente alla data di apertura (${fmtDate(opensOn)}).`,
    });
  }
  if (typeof ageMin === 'number' && typeof ageMax === 'number' && ageMin > ageMax) {
    problems.push({ field: 'ageMin', message: `L'età minima (${ageMin}) è superiore all'età massima (${ageMax}).` });
  }
  if (typeof startsAt === 'string' && typeof endsAt === 'string' && Date.parse(endsAt) < Date.parse(startsAt)) {
    problems.push({ field: 'endsAt', message: "L'evento finisce prima di cominciare: controlla inizio e fine." });
  }
  if (typeof startDate === 'string' && typeof endDate === 'string' && endDate < startDate) {
    problems.push({
      field: 'endDate',
      message: `La data di fine (${fmtDate(endDate)}) è precedente alla data di inizio (${fmtDate(startDate)}): controlla il periodo del progetto.`,
    });
  }
  return problems;
}

function walk(value: unknown, path: string[], problems: Problem[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, String(index)], problems));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Data;
  for (const [key, field] of Object.entries(record)) {
    const at = [...path, key];
    const name = at.join('.');
    if (URL_FIELDS.has(key) && !isBlank(field)) {
      if (!webUrlSchema.safeParse(field).success) {
        problems.push({
          field: name,
          message: `«${String(field)}» non è un indirizzo web valido: deve iniziare con https://.`,
        });
      }
    } else if (key === 'isbn' && !isBlank(field)) {
      if (typeof field !== 'string' || !isIsbn(field)) {
        problems.push({
          field: name,
          message: `«${String(field)}» non è un ISBN valido: controlla le cifre (10 o 13, l'ultima è di controllo), per esempio 978-0-306-40615-7.`,
        });
      }
    } else if (key === 'deployHookSecret' && !isBlank(field)) {
      if (!workerSecretSchema.safeParse(field).success) {
        problems.push({
          field: name,
          message:
            'Il segreto della notifica deve essere nel formato Standard Webhooks: whsec_ seguito da almeno 24 byte casuali in base64.',
        });
      }
    } else if (EMAIL_FIELDS.has(key) && !isBlank(field)) {
      if (!emailSchema.safeParse(field).success) {
        problems.push({ field: name, message: `«${String(field)}» non è un indirizzo email valido.` });
      }
    } else if (PHONE_FIELDS.has(key) && !isBlank(field)) {
      if (!phoneSchema.safeParse(field).success) {
        problems.push({
          field: name,
          message: `«${String(field)}» non è un numero di telefono valido (solo cifre, spazi e un + iniziale).`,
        });
      }
    } else if (RICH_TEXT_FIELDS.has(key) && Array.isArray(field)) {
      checkRichText(field, name, problems);
    } else if (key === 'openingHours' && Array.isArray(field)) {
      checkOpeningHours(field as Data[], name, problems);
    } else if (
      key === 'socialLinks' ||
      key === 'steps' ||
      key === 'contactPoints' ||
      key === 'exceptions' ||
      key === 'partners'
    ) {
      // Components: their own fields follow the same rules (a step's body, a sportello's phone...).
      walk(field, at, problems);
    }
  }
}

/** Sections an opportunity has a field for, by the headings an office would give them in the body. */
const SECTION_FIELDS: Array<{ field: string; label: string; headings: string[] }> = [
  { field: 'requirements', label: 'Requisiti', headings: ['requisiti', 'requirements'] },
  {
    field: 'howToApply',
    label: 'Come candidarsi',
    headings: ['come candidarsi', 'come candidarti', 'candidature', 'how to apply'],
  },
];

/**
 * An opportunity's body must not repeat a section that has its own field: the page shows each once,
 * from the field, so a «Requisiti» heading in the body would appear twice.
 */
function repeatedSection(data: Data): Problem | null {
  if (!Array.isArray(data.body) || !('requirements' in data)) return null;
  for (const block of data.body as Data[]) {
    if (block?.type !== 'heading' || !Array.isArray(block.children)) continue;
    const heading = (block.children as Data[])
      .map((child) => (typeof child.text === 'string' ? child.text : ''))
      .join('')
      .trim()
      .replace(/[:.]$/, '')
      .toLowerCase();
    const section = SECTION_FIELDS.find((candidate) => candidate.headings.includes(heading));
    if (section)
      return {
        field: 'body',
        message: `Il testo ripete la sezione «${section.label}»: scrivila nel campo «${section.label}», che la pagina mostra già sotto il testo.`,
      };
  }
  return null;
}

/** Rich text (Strapi blocks) must not carry scripts, event handlers or unsafe links. */
function checkRichText(blocks: unknown[], field: string, problems: Problem[]): void {
  const visit = (node: unknown): string | null => {
    if (Array.isArray(node)) {
      for (const child of node) {
        const found = visit(child);
        if (found) return found;
      }
      return null;
    }
    if (!node || typeof node !== 'object') return null;
    const record = node as Data;
    if (record.type === 'link' && typeof record.url === 'string') {
      const problem = linkProblem(record.url);
      if (problem === 'control-character')
        return 'contiene un link con caratteri invisibili (tabulazioni, a capo o caratteri di controllo): riscrivi il link a mano.';
      if (problem === 'another-host')
        return `contiene un link che sembra una pagina del sito ma porta a un altro sito («${record.url.trim()}»): per un altro sito scrivi l'indirizzo completo con https://, per una pagina del sito un percorso come /cremona/opportunita/.`;
      if (problem === 'scheme')
        return `contiene un link non consentito («${record.url}»): usa indirizzi http(s), mailto: o tel:.`;
    }
    if (record.type === 'text' && typeof record.text === 'string' && SCRIPT_LIKE.test(record.text)) {
      return 'contiene codice (script o gestori di eventi): togli il codice e lascia solo il testo.';
    }
    return visit(record.children);
  };
  const found = visit(blocks);
  if (found) problems.push({ field, message: `Il testo ${found}` });
}

/** Intervals must be well-formed, end after they start, and not overlap on the same day. */
function checkOpeningHours(intervals: Data[], field: string, problems: Problem[]): void {
  const byDay = new Map<string, Array<{ opens: string; closes: string; index: number }>>();
  intervals.forEach((interval, index) => {
    const { day, opens, closes } = interval;
    const at = `${field}.${index}`;
    if (!clockTimeSchema.safeParse(opens).success || !clockTimeSchema.safeParse(closes).success) {
      problems.push({ field: at, message: 'Gli orari devono essere scritti come HH:MM, per esempio 09:30.' });
      return;
    }
    if ((closes as string) <= (opens as string)) {
      problems.push({
        field: `${at}.closes`,
        message: `L'orario di chiusura (${String(closes)}) deve essere dopo quello di apertura (${String(opens)}).`,
      });
      return;
    }
    const list = byDay.get(String(day)) ?? [];
    list.push({ opens: opens as string, closes: closes as string, index });
    byDay.set(String(day), list);
  });
  for (const [day, list] of byDay) {
    const sorted = [...list].sort((a, b) => a.opens.localeCompare(b.opens));
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1]!;
      const current = sorted[i]!;
      if (current.opens < previous.closes) {
        problems.push({
          field: `${field}.${current.index}`,
          message: `Gli orari di ${DAY_NAMES[day] ?? day} si sovrappongono (${previous.opens}–${previous.closes} e ${current.opens}–${current.closes}).`,
        });
      }
    }
  }
}

/** The shape of Strapi's validation error details, which the admin shows next to each field. */
export const problemsToStrapiDetails = (problems: Problem[]) => ({
  errors: problems.map((problem) => ({
    path: problem.field.split('.'),
    message: problem.message,
    name: 'ValidationError',
  })),
});

export const problemSchema = z.object({ field: z.string(), message: z.string() });
