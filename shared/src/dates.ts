/** The network works on Italian time: deadlines are days in Europe/Rome. */
export const TIME_ZONE = 'Europe/Rome';

// Made once: a formatter is costly to create, and a build asks for today's date thousands of times.
// en-CA formats dates as YYYY-MM-DD.
const romeDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const romeClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Today's date in Europe/Rome as `YYYY-MM-DD`. */
export function romeDate(now: Date = new Date()): string {
  return romeDay.format(now);
}

const dayNumber = (isoDate: string): number => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** Whole days from today (Rome) to `deadline`: 0 on the last day, negative once it has passed. */
export function daysUntil(deadline: string, now: Date = new Date()): number {
  return dayNumber(deadline) - dayNumber(romeDate(now));
}

/** An opportunity is expired from the day after its deadline. No deadline: never expires. */
export function isExpired(deadline: string | null, now: Date = new Date()): boolean {
  return deadline !== null && daysUntil(deadline, now) < 0;
}

/** A date shifted by whole days, as `YYYY-MM-DD` (for seed data relative to today). */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The UTC instant of a wall-clock time in Rome on a given day, e.g. ("2026-07-01", "09:30") →
 * "2026-07-01T07:30:00.000Z" (summer time) — what Strapi stores for a `datetime`.
 */
export function romeTimeToUtc(isoDate: string, time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const asUtc = Date.parse(`${isoDate}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  // Rome's offset at that moment: format the instant in Rome and compare with UTC.
  const offsetAt = (instant: number) => {
    const parts = romeClock.formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return local - instant;
  };
  const firstGuess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(firstGuess)).toISOString();
}

/** The ages the network serves (Informagiovani: young people from 15 to 34). */
export const YOUTH_AGES = { min: 15, max: 34 } as const;

/**
 * The ages, within the network's, at which someone may apply for an opportunity open from
 * `ageMin` to `ageMax`: what the search's «La tua età» filter matches (sites/src/components/SearchMeta.astro).
 */
export function eligibleAges(ageMin: number, ageMax: number): number[] {
  const ages: number[] = [];
  for (let age = Math.max(ageMin, YOUTH_AGES.min); age <= Math.min(ageMax, YOUTH_AGES.max); age += 1) ages.push(age);
  return ages;
}
