import { describe, expect, it } from 'vitest';
import { answerMedians, contentFigures, median, type AnswerTime, type MonitoredEntry } from '@sito/shared';

/** 3 December 2026, 00:30 in Rome: already the 3rd there, still the 2nd in UTC. */
const NOW = new Date('2026-12-02T23:30:00Z');

const opportunity = (deadline: string | null, lastVerifiedAt: string | null = '2026-12-01', toReview = false) =>
  ({
    type: 'opportunity',
    documentId: `o-${deadline}`,
    territory: 'crema',
    deadline,
    lastVerifiedAt,
    toReview,
  }) as MonitoredEntry;

describe('the coordinators’ figures (shared/src/monitoring.ts)', () => {
  it('counts open, closing and closed opportunities by the day in Rome', () => {
    const figures = contentFigures(
      [
        opportunity(null), // open-ended: open, never closing
        opportunity('2026-12-03'), // today in Rome: open, closing in 7 and 30
        opportunity('2026-12-10'), // 7 days ahead: closing in 7 and 30
        opportunity('2026-12-11'), // 8 days: closing in 30 only
        opportunity('2027-01-02'), // 30 days: closing in 30
        opportunity('2027-01-03'), // 31 days: open only
        opportunity('2026-12-02'), // yesterday in Rome: closed in the last 30 days
        opportunity('2026-11-03'), // 30 days ago: closed in the last 30 days
        opportunity('2026-11-02'), // 31 days ago: none of them
      ],
      { now: NOW, staleAfterDays: 90 },
    );
    expect(figures).toMatchObject({
      openOpportunities: 6,
      closingIn7Days: 2,
      closingIn30Days: 4,
      closedLast30Days: 2,
    });
  });

  it('counts entries of every type not verified within the period as stale, and the flagged ones', () => {
    const entries: MonitoredEntry[] = [
      opportunity(null, '2026-09-04'), // 90 days before the 3rd: not stale yet
      opportunity(null, '2026-09-03', true), // 91 days: stale, and flagged
      opportunity(null, null), // never verified: stale
      { type: 'tutorial', documentId: 't', territory: 'crema', lastVerifiedAt: '2025-01-01', toReview: true },
      {
        type: 'event',
        documentId: 'e1',
        territory: 'crema',
        lastVerifiedAt: '2026-12-01',
        toReview: null,
        startsAt: '2026-12-02T23:31:00Z',
      },
      {
        type: 'event',
        documentId: 'e2',
        territory: 'crema',
        lastVerifiedAt: '2026-12-01',
        toReview: false,
        startsAt: '2026-12-02T23:29:00Z',
      },
    ];
    expect(contentFigures(entries, { now: NOW, staleAfterDays: 90 })).toMatchObject({
      stale: 3,
      toReview: 2,
      upcomingEvents: 1,
    });
    expect(contentFigures(entries, { now: NOW, staleAfterDays: 1000 }).stale).toBe(1);
  });

  it('takes the median of an odd and an even count, and none of nothing', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
  });

  it('takes the median time to answer per kind, over what was answered in the last 30 days', () => {
    const HOUR = 3_600_000;
    const answered = (kind: AnswerTime['kind'], hoursAgo: number, tookHours: number): AnswerTime => ({
      kind,
      answeredAt: NOW.getTime() - hoursAgo * HOUR,
      receivedAt: NOW.getTime() - (hoursAgo + tookHours) * HOUR,
    });
    expect(
      answerMedians(
        [
          answered('question', 1, 2),
          answered('question', 24, 10),
          answered('question', 48, 4),
          answered('question', 30 * 24 + 1, 500), // answered 30 days and an hour ago: left out
          answered('booking', 5, 1),
          answered('booking', 6, 3),
          answered('booking', -1, 1), // «answered» in the future (a clock ahead): left out
        ],
        NOW,
      ),
    ).toEqual({ question: 4 * 3600, booking: 2 * 3600, offer: null });
  });
});
