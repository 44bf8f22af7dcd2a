/** The network works on Italian time: deadlines are days in Europe/Rome. */
export const TIME_ZONE = 'Europe/Rome';

/** Today's date in Europe/Rome as `YYYY-MM-DD`. */
export function romeDate(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
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
