import Holidays from 'date-holidays';
import { addDays } from './dates.js';

/**
 * The office calendar the demo content is placed on, so that no seeded date is one an
 * Informagiovani office would never publish: events on working days, closures on real public
 * holidays, seasonal work in its season. Italian public holidays come from `date-holidays`
 * (national ones: Capodanno, Epifania, Pasquetta, 25 aprile, 1° maggio, 2 giugno, Ferragosto,
 * San Francesco, Ognissanti, Immacolata, Natale, Santo Stefano; Easter moves every year).
 *
 * A separate entry point (`@sito/shared/seed`): the holiday tables are big, and the sites never need them.
 */
const italy = new Holidays('IT');

/** The public holiday on a day (`YYYY-MM-DD`), by its Italian name, or null. */
export function publicHoliday(isoDate: string): string | null {
  const year = Number(isoDate.slice(0, 4));
  let holidays = byYear.get(year);
  if (!holidays) {
    // One table per year: asking the library day by day is slow (a year of demo seeds asks 10,000 times).
    holidays = new Map(
      italy
        .getHolidays(year)
        .filter((day) => day.type === 'public')
        .map((day) => [day.date.slice(0, 10), day.name]),
    );
    byYear.set(year, holidays);
  }
  return holidays.get(isoDate) ?? null;
}
const byYear = new Map<number, Map<string, string>>();

/** Weekday of a `YYYY-MM-DD` date: 0 Sunday … 6 Saturday. */
const weekday = (isoDate: string): number => new Date(`${isoDate}T12:00:00Z`).getUTCDay();
const monthDay = (isoDate: string): string => isoDate.slice(5);

/**
 * The weeks an office is closed or runs a skeleton service: from Christmas Eve to Epiphany and
 * around Ferragosto. Nobody schedules a job fair or an orientation evening then.
 */
export function inOfficeBreak(isoDate: string): boolean {
  const day = monthDay(isoDate);
  return day >= '12-24' || day <= '01-06' || (day >= '08-08' && day <= '08-23');
}

export interface DayRules {
  /** Saturdays allowed (a job fair, an open day); Sundays never are. */
  saturday?: boolean;
}

/** A day an office could hold an event on: Monday to Friday (Saturday if allowed), no holiday, no break. */
export function isWorkingDay(isoDate: string, { saturday = false }: DayRules = {}): boolean {
  const day = weekday(isoDate);
  if (day === 0 || (day === 6 && !saturday)) return false;
  return publicHoliday(isoDate) === null && !inOfficeBreak(isoDate);
}

/**
 * The working day nearest to `today + inDays` on the same side of today: later for a future date,
 * earlier for a past one, so an upcoming event stays upcoming and a past one stays past.
 */
export function workingDayNear(today: string, inDays: number, rules: DayRules = {}): string {
  const step = inDays < 0 ? -1 : 1;
  let day = addDays(today, inDays);
  // At most the Christmas break and a weekend on either side: well under 30 days.
  for (let tries = 0; tries < 60 && !isWorkingDay(day, rules); tries += 1) day = addDays(day, step);
  return day;
}

/** The first public holiday falling Monday to Saturday (a day the office would open) on or after `today + inDays`. */
export function holidayFrom(today: string, inDays: number): string {
  let day = addDays(today, inDays);
  for (let tries = 0; tries < 400; tries += 1, day = addDays(day, 1)) {
    if (weekday(day) !== 0 && publicHoliday(day)) return day;
  }
  throw new Error(`No public holiday within 400 days of ${today}: the holiday tables are missing.`);
}

/** The next `MM-DD` on or after today (a patron saint's day, a yearly fair). */
export function nextOn(today: string, monthAndDay: string): string {
  if (!/^\d{2}-\d{2}$/.test(monthAndDay)) throw new Error(`"${monthAndDay}" is not a day of the year (MM-DD).`);
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${monthAndDay}`;
  return thisYear >= today ? thisYear : `${year + 1}-${monthAndDay}`;
}

/**
 * A yearly window (`["07-15", "09-05"]`: grape harvest hiring) relative to today: `open` when today
 * is inside it, and its latest start and end on or before today otherwise (last season's).
 * A window may cross the new year (`["11-15", "02-28"]`).
 */
export function seasonWindow(
  today: string,
  [from, to]: readonly [string, string],
): {
  open: boolean;
  start: string;
  end: string;
} {
  const year = Number(today.slice(0, 4));
  const crosses = from > to;
  for (const startYear of [year, year - 1, year - 2]) {
    const start = `${startYear}-${from}`;
    const end = `${crosses ? startYear + 1 : startYear}-${to}`;
    if (start <= today && today <= end) return { open: true, start, end };
    if (end < today) return { open: false, start, end };
  }
  throw new Error(`Season ${from}–${to} could not be placed around ${today}.`);
}
