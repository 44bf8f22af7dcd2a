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

/** The same in English: the hubs' English pages, and the admin of a user who chose English. */
export const OPPORTUNITY_KIND_LABELS_EN: Readonly<Record<OpportunityKind, string>> = {
  job: 'Job vacancy',
  internship: 'Internship',
  apprenticeship: 'Apprenticeship',
  seasonal: 'Seasonal work',
  volunteering: 'Volunteering',
  'civil-service': 'Civil service',
  'work-camp': 'Work camp',
  call: 'Call for applications',
  grant: 'Grants and funding',
  course: 'Training course',
  competition: 'Public competition',
};
export const EVENT_KIND_LABELS_EN: Readonly<Record<string, string>> = {
  'job-day': 'Job day',
  'career-day': 'Career day',
  'job-fair': 'Job fair',
  workshop: 'Workshop',
  webinar: 'Webinar',
  'info-session': 'Information session',
  'operator-training': 'Training for staff',
};
export const RESOURCE_KIND_LABELS_EN: Readonly<Record<string, string>> = {
  'good-practice': 'Good practice',
  tool: 'Tool',
  'training-material': 'Training material',
  'webinar-recording': 'Webinar recording',
};
export const DEMAND_LABELS_EN: Readonly<Record<string, string>> = {
  'in-demand': 'In demand',
  emerging: 'Emerging occupation',
  stable: 'Stable occupation',
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

export const CODE_LABELS_EN: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: {
    ...OPPORTUNITY_KIND_LABELS_EN,
    ...EVENT_KIND_LABELS_EN,
    ...RESOURCE_KIND_LABELS_EN,
    hub: 'Hub (own site)',
    antenna: 'Antenna',
  },
  demand: DEMAND_LABELS_EN,
  state: { requested: 'To confirm', confirmed: 'Confirmed', cancelled: 'Cancelled' },
  service: Object.fromEntries(BOOKING_SERVICES.map((code) => [code, serviceLabel('en', code)])),
  mode: Object.fromEntries(BOOKING_MODES.map((code) => [code, modeLabel('en', code)])),
  language: { it: 'Italian', en: 'English' },
  purpose: { question: 'Question', offer: 'Offer' },
};

/** The Italian word for a stored code, or the code itself when none is known. */
export const codeLabel = (attribute: string, code: string): string => CODE_LABELS_IT[attribute]?.[code] ?? code;
