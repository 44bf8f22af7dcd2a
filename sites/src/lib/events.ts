import { getCollection } from 'astro:content';
import type { Event } from '@sito/shared';

/** An event is upcoming until it ends. */
export const isUpcoming = (event: Event, now = Date.now()) => Date.parse(event.endsAt) >= now;

let all: Promise<Event[]> | undefined;

/** The hub's events (own and regional), earliest first; loaded once per build. */
export function allEvents(): Promise<Event[]> {
  all ??= getCollection('events').then((entries) =>
    entries.map((entry) => entry.data).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  );
  return all;
}

/** Events not yet over, soonest first. */
export async function upcomingEvents(): Promise<Event[]> {
  return (await allEvents()).filter((event) => isUpcoming(event));
}

/** Events already over, most recent first. */
export async function pastEvents(): Promise<Event[]> {
  return (await allEvents()).filter((event) => !isUpcoming(event)).reverse();
}
