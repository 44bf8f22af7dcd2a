import type { Event } from '@sito/shared';
import { defaultLang, type Lang } from '../i18n/ui.ts';
import { entriesIn } from './translations.ts';

/** An event is upcoming until it ends. */
export const isUpcoming = (event: Event, now = Date.now()) => Date.parse(event.endsAt) >= now;

/** The hub's events (own and regional) in a language, earliest first; loaded once per build. */
export function allEvents(lang: Lang = defaultLang): Promise<readonly Event[]> {
  return entriesIn('events', lang);
}

/** Events not yet over, soonest first, own and regional together: a calendar, in date order. */
export async function upcomingEvents(lang: Lang = defaultLang): Promise<Event[]> {
  return (await allEvents(lang)).filter((event) => isUpcoming(event));
}

/** Events already over, most recent first. */
export async function pastEvents(lang: Lang = defaultLang): Promise<Event[]> {
  return (await allEvents(lang)).filter((event) => !isUpcoming(event)).reverse();
}
