import { describe, expect, it } from 'vitest';
import { bookableSlots, checkBookingSubmission, checkQuestionSubmission, slotKey } from '@sito/shared';

/** A contact point open Monday 09:00–10:00 and 14:00–15:00, Tuesday 09:00–09:30. */
const point = {
  openingHours: [
    { day: 'monday' as const, opens: '14:00', closes: '15:00' },
    { day: 'monday' as const, opens: '09:00', closes: '10:00' },
    { day: 'tuesday' as const, opens: '09:00', closes: '09:30' },
  ],
  exceptions: [],
};
// Sunday 6 December 2026, 20:00 in Rome (winter time, UTC+1).
const sundayEvening = new Date('2026-12-06T19:00:00Z');

describe('the slots a contact point offers', () => {
  it('cuts each opening interval in half hours, in Rome time, in order', () => {
    const slots = bookableSlots(point, { now: sundayEvening }).filter((slot) => slot.date === '2026-12-07');
    expect(slots.map((slot) => slot.time)).toEqual(['09:00', '09:30', '14:00', '14:30']);
    expect(slots[0]).toEqual({
      startsAt: '2026-12-07T08:00:00.000Z',
      endsAt: '2026-12-07T08:30:00.000Z',
      date: '2026-12-07',
      time: '09:00',
    });
  });

  it('covers the next 14 days and no more', () => {
    const days = new Set(bookableSlots(point, { now: sundayEvening }).map((slot) => slot.date));
    expect([...days]).toEqual(['2026-12-07', '2026-12-08', '2026-12-14', '2026-12-15']);
  });

  it('follows summer time: 09:00 in Rome is 07:00 UTC in July', () => {
    const [first] = bookableSlots(point, { now: new Date('2026-07-05T18:00:00Z') });
    expect(first).toMatchObject({ date: '2026-07-06', time: '09:00', startsAt: '2026-07-06T07:00:00.000Z' });
  });

  it('offers nothing sooner than two hours ahead', () => {
    // Monday 08:15 in Rome: 09:00, 09:30 and 10:00 are too soon, 14:00 is not.
    const slots = bookableSlots(point, { now: new Date('2026-12-07T07:15:00Z') });
    expect(slots[0]).toMatchObject({ date: '2026-12-07', time: '14:00' });
  });

  it('leaves out what is taken, holidays and closed days, and uses a day’s own hours', () => {
    const slots = bookableSlots(
      {
        ...point,
        exceptions: [
          { date: '2026-12-08', closed: true, opens: null, closes: null, note: 'Immacolata' },
          { date: '2026-12-14', closed: false, opens: '16:00', closes: '17:00', note: null },
        ],
      },
      {
        now: sundayEvening,
        taken: new Set(['2026-12-07T13:00:00.000Z']),
        closedOn: (date) => date === '2026-12-15',
      },
    );
    expect(slots.map((slot) => `${slot.date} ${slot.time}`)).toEqual([
      '2026-12-07 09:00',
      '2026-12-07 09:30',
      '2026-12-07 14:30',
      '2026-12-14 16:00',
      '2026-12-14 16:30',
    ]);
  });

  it('keys a slot by territory, contact point and instant, whatever the instant’s spelling', () => {
    expect(slotKey('t1', 'Sportello', '2026-12-07T09:00:00+01:00')).toBe('t1|Sportello|2026-12-07T08:00:00.000Z');
  });
});

describe('a booking request', () => {
  const valid = {
    hub: 'cremona',
    point: 'Informagiovani del Comune di Cremona',
    service: 'cv-check',
    mode: 'online',
    slot: '2026-12-07T08:00:00Z',
    name: '<b>Giulia</b> Rossi',
    email: ' Giulia.Rossi@Example.IT ',
    consent: 'on',
  };

  it('is read as plain text, the email lowercased and the instant in UTC', () => {
    const checked = checkBookingSubmission(valid);
    expect(checked).toEqual({
      data: expect.objectContaining({
        name: 'Giulia Rossi',
        email: 'giulia.rossi@example.it',
        slot: '2026-12-07T08:00:00.000Z',
        lang: 'it',
      }),
    });
  });

  it('names every wrong field, in the form’s language', () => {
    const checked = checkBookingSubmission({
      ...valid,
      service: 'massage',
      mode: 'true',
      email: 'nope',
      consent: false,
      lang: 'en',
    });
    expect('problems' in checked && Object.keys(checked.problems).sort()).toEqual([
      'consent',
      'email',
      'mode',
      'service',
    ]);
    expect('problems' in checked && checked.problems.service).toBe('Choose the service you need.');
  });

  it('may come without a slot (the page without JavaScript asks for it next)', () => {
    const { slot: _slot, ...withoutSlot } = valid;
    expect('data' in checkBookingSubmission(withoutSlot)).toBe(true);
    expect(checkBookingSubmission({ ...valid, slot: 'tomorrow' })).toMatchObject({
      problems: { slot: 'Scegli un giorno e un orario tra quelli liberi.' },
    });
  });

  it('leaves the question form’s checks as they were: three links are refused, two are not', () => {
    const question = (text: string) => ({ hub: 'cremona', question: text, consent: true });
    const two = 'Vedi www.a.it e https://b.it, come posso fare domanda?';
    expect('data' in checkQuestionSubmission(question(two))).toBe(true);
    expect(checkQuestionSubmission(question(`${two} Anche www.c.it`))).toMatchObject({
      problems: { question: expect.stringContaining('al massimo 2 indirizzi web') },
    });
  });
});
