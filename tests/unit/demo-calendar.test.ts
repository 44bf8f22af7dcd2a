import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, romeDate } from '@sito/shared';
import {
  holidayFrom,
  isWorkingDay,
  nextOn,
  publicHoliday,
  resolveSeedEntry,
  seasonWindow,
  seededDeadline,
  workingDayNear,
} from '@sito/shared/seed';

/**
 * The demo content's dates are relative to the day the seed runs, so they must be plausible on any
 * day of the year: events on working days, closures on real holidays, seasonal work in season.
 */
type Json = Record<string, unknown>;
const demo = (file: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../cms/seed/demo/${file}`), 'utf8')) as Json[];
const noLookup = async () => 'doc';
const weekdayOf = (instant: string) =>
  new Intl.DateTimeFormat('it-IT', { weekday: 'long', timeZone: 'Europe/Rome' }).format(new Date(instant));
const romeDay = (instant: string) => romeDate(new Date(instant));
/** Every day of a year that is not a leap year, as the day the seed runs. */
const everyDayOf2027 = Array.from({ length: 365 }, (_, i) => addDays('2027-01-01', i));

describe('the office calendar', () => {
  it('knows Italian public holidays, Easter Monday moving with Easter', () => {
    expect(publicHoliday('2026-12-08')).toBe('Immacolata Concezione');
    expect(publicHoliday('2027-03-29')).toBe('Lunedì dell’Angelo');
    expect(publicHoliday('2026-04-06')).toBe('Lunedì dell’Angelo');
    expect(publicHoliday('2026-12-21')).toBeNull();
  });

  it('moves a day to the nearest working day on the same side of today', () => {
    // 2026-12-01 is a Tuesday. +25 is Saturday 26 December (Santo Stefano) in the Christmas break.
    expect(workingDayNear('2026-12-01', 25)).toBe('2027-01-07');
    // +5 is Sunday 6 December: Monday 7.
    expect(workingDayNear('2026-12-01', 5)).toBe('2026-12-07');
    // A past Sunday moves back to the Friday before, so a past event stays past.
    expect(workingDayNear('2026-12-01', -2)).toBe('2026-11-27');
    expect(workingDayNear('2026-12-01', 4, { saturday: true })).toBe('2026-12-05');
    expect(isWorkingDay('2026-12-08')).toBe(false);
  });

  it('finds the next public holiday on a day the office would open, and the next day of a given date', () => {
    expect(holidayFrom('2026-12-01', 0)).toBe('2026-12-08');
    expect(holidayFrom('2026-12-09', 0)).toBe('2026-12-25');
    expect(nextOn('2026-12-01', '06-10')).toBe('2027-06-10');
    expect(nextOn('2026-06-01', '06-10')).toBe('2026-06-10');
    expect(() => nextOn('2026-06-01', '6-10')).toThrow('"6-10" is not a day of the year (MM-DD).');
  });

  it('places a yearly window around today, also one that crosses the new year', () => {
    expect(seasonWindow('2026-12-01', ['07-15', '09-10'])).toEqual({
      open: false,
      start: '2026-07-15',
      end: '2026-09-10',
    });
    expect(seasonWindow('2026-03-01', ['07-15', '09-10'])).toEqual({
      open: false,
      start: '2025-07-15',
      end: '2025-09-10',
    });
    expect(seasonWindow('2026-08-01', ['07-15', '09-10']).open).toBe(true);
    expect(seasonWindow('2027-01-10', ['11-15', '02-28'])).toEqual({
      open: true,
      start: '2026-11-15',
      end: '2027-02-28',
    });
  });
});

describe('seed entries placed on the calendar', () => {
  it('moves an event with its end and registration deadline, and not the day it was checked', async () => {
    const data = await resolveSeedEntry(
      {
        startsAt: { inDays: 25, time: '20:30' },
        endsAt: { inDays: 25, time: '22:30' },
        registrationDeadlineInDays: 24,
        lastVerifiedAtInDays: -12,
      },
      '2026-12-01',
      noLookup,
      'x',
    );
    // Saturday 26 December 20:30 becomes Thursday 7 January, 13 days later: everything moves by 13 days.
    expect(data).toEqual({
      startsAt: '2027-01-07T19:30:00.000Z',
      endsAt: '2027-01-07T21:30:00.000Z',
      registrationDeadline: '2027-01-06',
      lastVerifiedAt: '2026-11-19',
    });
  });

  it('makes a seasonal call last season’s closed call out of season, and keeps it within its season in it', async () => {
    const vendemmia = { deadlineInDays: 12, opensOnInDays: -10, season: ['07-15', '09-10'] };
    expect(await resolveSeedEntry(vendemmia, '2026-12-01', noLookup, 'x')).toEqual({
      deadline: '2026-09-10',
      opensOn: '2026-07-15',
    });
    expect(await resolveSeedEntry(vendemmia, '2026-08-01', noLookup, 'x')).toEqual({
      deadline: '2026-08-13',
      opensOn: '2026-07-22',
    });
    expect(await resolveSeedEntry(vendemmia, '2026-09-05', noLookup, 'x')).toMatchObject({ deadline: '2026-09-10' });
    expect(seededDeadline(vendemmia, '2026-12-01')).toBe('2026-09-10');
    await expect(
      resolveSeedEntry({ season: ['luglio'] }, '2026-12-01', noLookup, 'opportunities.json "x"'),
    ).rejects.toThrow('Seed opportunities.json "x": "season" must be two days of the year, ["MM-DD", "MM-DD"].');
  });

  it('resolves closures written as a holiday, a yearly day or a working day, inside components', async () => {
    const data = await resolveSeedEntry(
      {
        contactPoints: [
          {
            exceptions: [
              { date: { holidayFrom: 20 }, note: 'Chiuso per festività' },
              { date: { nextOn: '06-10' }, note: 'Patrono' },
              { date: { workingDayInDays: 18 }, note: 'Job Day' },
            ],
          },
        ],
      },
      '2026-12-01',
      noLookup,
      'x',
    );
    expect(data).toEqual({
      contactPoints: [
        {
          exceptions: [
            { date: '2026-12-25', note: 'Chiuso per festività' },
            { date: '2027-06-10', note: 'Patrono' },
            { date: '2026-12-21', note: 'Job Day' },
          ],
        },
      ],
    });
  });
});

describe('the demo content, seeded on any day of a year', () => {
  it('holds every event on a working day, never in the Christmas or August break', async () => {
    const events = demo('events.json');
    const wrong: string[] = [];
    for (const today of everyDayOf2027) {
      for (const event of events) {
        const { startsAt } = await resolveSeedEntry(
          { startsAt: event.startsAt, endsAt: event.endsAt },
          today,
          noLookup,
          'x',
        );
        const day = romeDay(startsAt as string);
        if (!isWorkingDay(day, { saturday: (event.startsAt as Json).saturday === true })) {
          wrong.push(`${today}: ${String(event.slug)} on ${weekdayOf(startsAt as string)} ${day}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('opens seasonal work only in its season, and closes it by the season’s end', () => {
    const seasonal = demo('opportunities.json').filter((entry) => entry.season);
    expect(seasonal.map((entry) => entry.slug)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^vendemmia-/),
        expect.stringMatching(/^hostess-e-steward-per-le-fiere-d-autunno/),
      ]),
    );
    for (const today of everyDayOf2027) {
      for (const entry of seasonal) {
        const [from, to] = entry.season as [string, string];
        const deadline = seededDeadline(entry, today)!;
        const window = seasonWindow(today, [from, to]);
        // Open (deadline today or later) only in season, and never past the season's end; a call the
        // demo shows as already closed (a negative deadline) stays closed in season too.
        const label = `${String(entry.slug)} seeded on ${today}`;
        if (!window.open) expect(deadline < today, label).toBe(true);
        if ((entry.deadlineInDays as number) >= 0) expect(deadline >= today, label).toBe(window.open);
        expect(deadline <= window.end).toBe(true);
      }
    }
  });

  it('closes the offices for a holiday only on a public holiday', async () => {
    for (const territory of demo('territories.json')) {
      for (const point of (territory.contactPoints as Json[]) ?? []) {
        for (const exception of (point.exceptions as Json[]) ?? []) {
          if (exception.note !== 'Chiuso per festività') continue;
          for (const today of ['2026-12-01', '2027-03-15', '2027-07-20']) {
            const { date } = await resolveSeedEntry({ date: exception.date }, today, noLookup, 'x');
            expect(publicHoliday(date as string), `${String(territory.slug)} from ${today}`).not.toBeNull();
          }
        }
      }
    }
  });
});
