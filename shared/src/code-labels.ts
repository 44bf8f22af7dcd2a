import { BOOKING_MODES, BOOKING_SERVICES, modeLabel, serviceLabel } from './bookings.js';
import type { OpportunityKind } from './schemas/opportunity.js';

/**
 * The Italian words for the codes the CMS stores in its enumerations, by attribute name: what the
 * admin shows an operator instead of `job`, `seasonal` or `in-person` (the stored codes stay
 * stable). The same words as the hubs use (sites/src/i18n/ui.ts).
 */
export const OPPORTUNITY_KIND_LABELS_IT: Readonly<Record<OpportunityKind, string>> = {
  job: 'Offerta di lavoro',
  internship: 'Tirocinio',
  apprenticeship: 'Apprendistato',
  seasonal: 'Lavoro stagionale',
  volunteering: 'Volontariato',
  'civil-service': 'Servizio civile',
  'work-camp': 'Campo di lavoro',
  call: 'Bando',
  grant: 'Dote e contributi',
  course: 'Corso di formazione',
  competition: 'Concorso',
};
export const EVENT_KIND_LABELS_IT: Readonly<Record<string, string>> = {
  'job-day': 'Job day',
  'career-day': 'Career day',
  'job-fair': 'Fiera del lavoro',
  workshop: 'Laboratorio',
  webinar: 'Webinar',
  'info-session': 'Incontro informativo',
  'operator-training': 'Formazione per operatori',
};
export const RESOURCE_KIND_LABELS_IT: Readonly<Record<string, string>> = {
  'good-practice': 'Buona pratica',
  tool: 'Strumento',
  'training-material': 'Materiale formativo',
  'webinar-recording': 'Registrazione webinar',
};
export const DEMAND_LABELS_IT: Readonly<Record<string, string>> = {
  'in-demand': 'Professione richiesta',
  emerging: 'Mestiere emergente',
  stable: 'Professione stabile',
};

export const CODE_LABELS_IT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // The kinds of opportunities, events, resources for operators and territories never share a code.
  kind: {
    ...OPPORTUNITY_KIND_LABELS_IT,
    ...EVENT_KIND_LABELS_IT,
    ...RESOURCE_KIND_LABELS_IT,
    hub: 'Hub (sito proprio)',
    antenna: 'Antenna',
  },
  demand: DEMAND_LABELS_IT,
  state: { requested: 'Da confermare', confirmed: 'Confermata', cancelled: 'Annullata' },
  service: Object.fromEntries(BOOKING_SERVICES.map((code) => [code, serviceLabel('it', code)])),
  mode: Object.fromEntries(BOOKING_MODES.map((code) => [code, modeLabel('it', code)])),
  language: { it: 'Italiano', en: 'Inglese' },
  purpose: { question: 'Domanda', offer: 'Offerta' },
};

/** The Italian word for a stored code, or the code itself when none is known. */
export const codeLabel = (attribute: string, code: string): string => CODE_LABELS_IT[attribute]?.[code] ?? code;
