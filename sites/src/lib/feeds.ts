import type { EventAttributes } from 'ics';
import type { Event, Opportunity } from '@sito/shared';

/** `YYYY-MM-DD` → [year, month, day], as `ics` wants dates. */
const dateParts = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];

/** A UTC timestamp → [year, month, day, hour, minute] in UTC, for `ics` with `startInputType: 'utc'`. */
const utcParts = (iso: string): [number, number, number, number, number] => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

/** An event as an iCalendar VEVENT, times in UTC (calendars show them in the reader's zone). */
export function eventToIcs(event: Event, url: string): EventAttributes {
  return {
    uid: `${event.documentId}@sito-giovani`,
    title: event.title,
    // ORGANIZER needs an email address in iCalendar, which we do not have: name them in the text.
    description: event.organiser ? `${event.summary}\n\nOrganizza: ${event.organiser}` : event.summary,
    url,
    start: utcParts(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(event.venue ? { location: `${event.venue.name}, ${event.venue.address}, ${event.venue.municipality}` } : {}),
  };
}

/** An opportunity's deadline as an all-day iCalendar event on that day. */
export function deadlineToIcs(opportunity: Opportunity & { deadline: string }, url: string): EventAttributes {
  return {
    uid: `${opportunity.documentId}-deadline@sito-giovani`,
    title: `Scadenza: ${opportunity.title}`,
    description: opportunity.summary,
    url,
    start: dateParts(opportunity.deadline),
    duration: { days: 1 },
  };
}

/** The open-data CSV: shared with the CMS's monitoring export (shared/src/csv.ts). */
export { toCsv } from '@sito/shared';
