import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, CONTENT_FIGURES, DEV_ADMIN, romeDate } from '@sito/shared';
import { createEntry, databasesUnderTest, loginAdmin, startTestCms, type TestCms } from '../helpers/test-cms.ts';
import { closeStoredReads, queryStored } from '../helpers/stored-state.ts';
import { startMailCatcher, type MailCatcher } from '../../scripts/lib/mail-catcher.ts';
import { freePort } from '../../scripts/lib/net.ts';

const TERRITORY = 'api::territory.territory';
const OPPORTUNITY = 'api::opportunity.opportunity';
const EVENT = 'api::event.event';
const TUTORIAL = 'api::tutorial.tutorial';
const QUESTION = 'api::question.question';

const today = romeDate();
const day = (offset: number) => addDays(today, offset);

/**
 * The fixtures, each with what it should count for, written by hand: the figures the CMS answers
 * must equal these sums. Dates sit well away from every threshold (7, 30 and 90 days), so a run
 * that crosses midnight counts the same.
 */
interface Fixture {
  territory: 'cremona' | 'crema';
  uid: string;
  data: Record<string, unknown>;
  published: boolean;
  counts: Partial<Record<string, number>>;
  /** Its thematic area's slug, if it has one, and the section of that area it is filed under, if any. */
  area?: 'ricerca-lavoro' | 'informazioni';
  section?: string;
}
const opportunity = (
  territory: Fixture['territory'],
  title: string,
  deadline: string | null,
  verified: number,
  counts: Fixture['counts'],
  published = true,
  area?: Fixture['area'],
): Fixture => ({
  territory,
  uid: OPPORTUNITY,
  published,
  area,
  data: {
    title,
    summary: `${title}: una voce di prova per il monitoraggio della rete.`,
    kind: 'job',
    deadline,
    lastVerifiedAt: day(verified),
  },
  counts,
});
const FIXTURES: Fixture[] = [
  opportunity(
    'cremona',
    'Chiude fra tre giorni',
    day(3),
    -5,
    { openOpportunities: 1, closingIn7Days: 1, closingIn30Days: 1 },
    true,
    'ricerca-lavoro',
  ),
  opportunity('cremona', 'Chiude fra venti giorni', day(20), -100, {
    openOpportunities: 1,
    closingIn30Days: 1,
    stale: 1,
  }),
  opportunity(
    'cremona',
    'Sempre aperta',
    null,
    -200,
    { openOpportunities: 1, stale: 1, toReview: 1 },
    true,
    'ricerca-lavoro',
  ),
  opportunity('cremona', 'Chiusa da dieci giorni', day(-10), -5, { closedLast30Days: 1 }, true, 'informazioni'),
  opportunity('cremona', 'Chiusa da due mesi', day(-60), -5, {}),
  // A draft counts for nothing: the hubs do not show it.
  opportunity('cremona', 'Bozza che chiude presto', day(3), -200, {}, false, 'ricerca-lavoro'),
  opportunity('crema', 'A Crema, chiude fra cinque giorni', day(5), -5, {
    openOpportunities: 1,
    closingIn7Days: 1,
    closingIn30Days: 1,
  }),
  {
    territory: 'cremona',
    uid: EVENT,
    published: true,
    data: {
      title: 'Job day di primavera',
      summary: 'Un evento di prova per il monitoraggio.',
      kind: 'job-day',
      startsAt: `${day(12)}T09:00:00.000Z`,
      endsAt: `${day(12)}T12:00:00.000Z`,
      lastVerifiedAt: day(-2),
    },
    counts: { upcomingEvents: 1 },
    area: 'ricerca-lavoro',
  },
  {
    territory: 'cremona',
    uid: EVENT,
    published: true,
    data: {
      title: 'Laboratorio già passato',
      summary: 'Un evento di prova già passato.',
      kind: 'workshop',
      startsAt: `${day(-12)}T09:00:00.000Z`,
      endsAt: `${day(-12)}T12:00:00.000Z`,
      lastVerifiedAt: day(-300),
    },
    counts: { stale: 1, toReview: 1 },
  },
  {
    territory: 'crema',
    uid: TUTORIAL,
    published: true,
    data: { title: 'Come si scrive un curriculum', summary: 'Una guida di prova.', lastVerifiedAt: day(-95) },
    counts: { stale: 1 },
    // Filed under a section: it counts for the section's area.
    area: 'ricerca-lavoro',
    section: 'cv-e-lettera-di-presentazione',
  },
  {
    territory: 'crema',
    uid: QUESTION,
    published: false,
    data: { question: 'Come si diventa animatore di un centro estivo a Crema?' },
    counts: { waitingQuestions: 1 },
  },
];
const expected = (territory: Fixture['territory']) => {
  const sums: Record<string, number> = Object.fromEntries(
    [...CONTENT_FIGURES, 'waitingQuestions', 'waitingBookings', 'waitingOffers'].map((key) => [key, 0]),
  );
  for (const fixture of FIXTURES.filter((f) => f.territory === territory))
    for (const [key, value] of Object.entries(fixture.counts)) sums[key] = sums[key]! + value!;
  return sums;
};

/** The same sums for one territory's entries of one area, and how many of them are published. */
const expectedInArea = (territory: Fixture['territory'], area: NonNullable<Fixture['area']>) => {
  const ofArea = FIXTURES.filter((f) => f.territory === territory && f.area === area);
  const sums: Record<string, number> = Object.fromEntries(CONTENT_FIGURES.map((key) => [key, 0]));
  for (const fixture of ofArea)
    for (const [key, value] of Object.entries(fixture.counts)) sums[key] = sums[key]! + value!;
  return { area, published: ofArea.filter((f) => f.published).length, ...sums };
};

type Row = Record<string, unknown> & { territory: string };

/**
 * «Monitoraggio» (cms/src/monitoring/routes.ts): per territory, the figures the coordinators watch,
 * as JSON and CSV, scoped as entries are.
 */
describe.each(databasesUnderTest())('the network’s monitoring, on %s', (database) => {
  let cms: TestCms;
  let mail: MailCatcher;

  // One sign-in per user: the admin's login is rate limited.
  const clients = new Map<string, ReturnType<typeof loginAdmin>>();
  const signIn = (email: string) => {
    if (!clients.has(email)) clients.set(email, loginAdmin(cms.url, email, DEV_ADMIN.password));
    return clients.get(email)!;
  };
  const monitoring = async (email: string, query = '') => {
    const client = await signIn(email);
    return client.request('GET', `/sito/monitoring${query}`);
  };
  const csv = async (email: string) => {
    const client = await signIn(email);
    const response = await fetch(`${cms.url}/sito/monitoring?format=csv`, {
      headers: { Authorization: `Bearer ${client.jwt}` },
    });
    return { response, text: await response.text() };
  };

  beforeAll(async () => {
    mail = await startMailCatcher({ smtpPort: await freePort() });
    cms = await startTestCms({
      database,
      env: {
        SITO_STALE_AFTER_DAYS: '90',
        SITO_REVIEW_AFTER_DAYS: '180',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.smtpPort),
      },
    });
    const root = await cms.admin();
    const ids: Record<string, string> = {};
    for (const [name, slug] of [
      ['Informagiovani Cremona', 'cremona'],
      ['Orientagiovani Crema', 'crema'],
    ] as const)
      ids[slug] = await createEntry(root, TERRITORY, { name, shortName: slug, slug });
    const areas = Object.fromEntries(
      (
        await queryStored<{ slug: string; document_id: string }>(
          cms,
          "SELECT slug, document_id FROM thematic_areas WHERE locale = 'it' AND published_at IS NOT NULL",
        )
      ).map((row) => [row.slug, row.document_id]),
    );
    for (const fixture of FIXTURES) {
      const area = fixture.area
        ? {
            [fixture.uid === OPPORTUNITY ? 'thematicAreas' : 'thematicArea']: {
              connect: [{ documentId: areas[fixture.section ?? fixture.area] }],
            },
          }
        : {};
      await createEntry(
        root,
        fixture.uid,
        { ...fixture.data, ...area, territory: { connect: [{ documentId: ids[fixture.territory] }] } },
        fixture.published,
      );
    }
    await cms.restart();
  });

  afterAll(async () => {
    await closeStoredReads();
    await cms?.destroy();
    await mail?.close();
  });

  it('answers each territory’s figures as counted from the fixtures, for a regional editor', async () => {
    const answer = await monitoring('redazione@sitogiovani.test');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const {
      territories,
      staleAfterDays,
      today: answeredToday,
    } = answer.body.data as {
      territories: Row[];
      staleAfterDays: number;
      today: string;
    };
    expect(staleAfterDays).toBe(90);
    expect(answeredToday).toBe(today);
    expect(territories.map((row) => row.territory)).toEqual(['cremona', 'crema']);
    for (const row of territories) expect(row).toMatchObject(expected(row.territory as Fixture['territory']));
    const cremona = territories[0]!;
    expect(cremona.byType).toMatchObject({
      opportunity: { published: 5, stale: 2, toReview: 1 },
      event: { published: 2, stale: 1, toReview: 1 },
    });
    // Per thematic area, in the areas' order; an area with nothing published counts zeros.
    const byArea = (row: Row) => row.byArea as Array<Record<string, unknown>>;
    expect(byArea(cremona).map((area) => area.area)).toEqual(['ricerca-lavoro', 'informazioni', 'aree-professionali']);
    expect(byArea(cremona)[0]).toEqual(expect.objectContaining(expectedInArea('cremona', 'ricerca-lavoro')));
    expect(byArea(cremona)[1]).toEqual(expect.objectContaining(expectedInArea('cremona', 'informazioni')));
    expect(byArea(cremona)[0]).toMatchObject({ name: 'Ricerca lavoro', published: 3, openOpportunities: 2 });
    expect(byArea(territories[1]!)[0]).toEqual(expect.objectContaining(expectedInArea('crema', 'ricerca-lavoro')));
    expect(byArea(territories[1]!)[0]).toMatchObject({ published: 1, stale: 1 });
    expect(byArea(cremona)[2]).toMatchObject({ published: 0, openOpportunities: 0, stale: 0 });
    // Nothing answered yet.
    expect(cremona).toMatchObject({
      medianAnswerSecondsQuestions: null,
      medianAnswerSecondsBookings: null,
      medianAnswerSecondsOffers: null,
    });
    // No build has run: nothing is live yet.
    expect(cremona).toMatchObject({ lastLiveAt: null, failedBuilds7Days: 0, publishToLiveMedianSeconds: null });
  });

  it('gives an operator their own territory only, as JSON and as CSV', async () => {
    const answer = await monitoring('operatore.crema@sitogiovani.test');
    expect((answer.body.data.territories as Row[]).map((row) => row.territory)).toEqual(['crema']);
    expect(JSON.stringify(answer.body)).not.toContain('Chiude fra tre giorni');

    const { response, text } = await csv('operatore.crema@sitogiovani.test');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="monitoraggio-${today}.csv"`);
    const [header, ...rows] = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const columns = header!.split(',');
    expect(columns.slice(0, 6)).toEqual([
      'territory',
      'name',
      'openOpportunities',
      'closingIn7Days',
      'closingIn30Days',
      'closedLast30Days',
    ]);
    expect(columns).toEqual(expect.arrayContaining(['stale', 'toReview', 'waitingQuestions']));
    expect(rows).toHaveLength(1);
    const cells = Object.fromEntries(columns.map((column, index) => [column, rows[0]!.split(',')[index]]));
    const crema = expected('crema');
    expect(cells).toMatchObject({
      territory: 'crema',
      name: 'Orientagiovani Crema',
      openOpportunities: String(crema.openOpportunities),
      closingIn7Days: String(crema.closingIn7Days),
      stale: String(crema.stale),
      toReview: String(crema.toReview),
      waitingQuestions: '1',
    });

    const editor = await csv('redazione@sitogiovani.test');
    expect(editor.text.trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('refuses an unknown format, naming it, and anyone not signed in', async () => {
    for (const query of ['?format=xml', '?format[]=csv', '?format=CSV&format=json'])
      expect((await monitoring('redazione@sitogiovani.test', query)).body.error?.message, query).toMatch(/^format: /);
    for (const query of ['', '?format=csv']) {
      const response = await fetch(`${cms.url}/sito/monitoring${query}`);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('cremona');
    }
  });

  it('records one snapshot per territory and day, replaced when recorded again, for the trends', async () => {
    const history = async (email: string) =>
      (await monitoring(email)).body.data.history as Array<
        Record<string, unknown> & { day: string; territory: string }
      >;
    expect((await history('redazione@sitogiovani.test')).map((row) => `${row.day} ${row.territory}`).sort()).toEqual([
      `${today} crema`,
      `${today} cremona`,
    ]);
    const [before] = (await history('operatore.crema@sitogiovani.test')).filter((row) => row.day === today);
    expect(before).toMatchObject({ territory: 'crema', openOpportunities: expected('crema').openOpportunities });

    // Another open offer in Crema, then a boot records today's figures again: still one row per territory.
    const root = await cms.admin();
    const crema = (
      await queryStored<{ document_id: string }>(cms, "SELECT document_id FROM territories WHERE slug = 'crema'")
    )[0]!.document_id;
    await createEntry(root, OPPORTUNITY, {
      title: 'A Crema, un’altra offerta',
      summary: 'Un’altra voce di prova per il monitoraggio della rete.',
      kind: 'job',
      territory: { connect: [{ documentId: crema }] },
    });
    await cms.restart();
    clients.clear();
    const after = await history('operatore.crema@sitogiovani.test');
    expect(after).toEqual([
      expect.objectContaining({
        day: today,
        territory: 'crema',
        openOpportunities: expected('crema').openOpportunities! + 1,
      }),
    ]);
    const [stored] = await queryStored<{ n: number | string }>(
      cms,
      'SELECT count(*) AS n FROM sito_monitoring_snapshots',
    );
    expect(Number(stored!.n)).toBe(2);
  });

  describe('«Da verificare»', () => {
    type Item = { type: string; title: string; reasons: string[]; lastVerifiedAt: string | null; documentId: string };
    const queue = async (email: string) => {
      const client = await signIn(email);
      const answer = await client.request('GET', '/sito/review-queue');
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.data.items as Item[];
    };
    const verify = async (email: string, body: unknown) =>
      (await signIn(email)).request('POST', '/sito/review-queue/verify', body);
    const TUTORIAL_ROWS = `SELECT CAST(t.last_verified_at AS TEXT) AS verified, t.to_review, CAST(t.updated_at AS TEXT) AS updated,
        CAST(t.published_at AS TEXT) AS published, t.title,
        (SELECT tt.slug FROM tutorials_verified_by_lnk l JOIN territories tt ON tt.id = l.territory_id WHERE l.tutorial_id = t.id) AS verified_by
      FROM tutorials t ORDER BY t.id`;
    const builds = async () =>
      Number((await queryStored<{ n: number | string }>(cms, 'SELECT count(*) AS n FROM sito_builds'))[0]!.n);

    it('lists what is stale, flagged or closing within 7 days, oldest verification first, per territory', async () => {
      expect((await queue('operatore.crema@sitogiovani.test')).map((item) => [item.title, item.reasons])).toEqual([
        ['Come si scrive un curriculum', ['stale']],
        ['A Crema, chiude fra cinque giorni', ['closing']],
      ]);
      expect((await queue('redazione@sitogiovani.test')).map((item) => item.title)).toEqual([
        'Laboratorio già passato',
        'Sempre aperta',
        'Chiude fra venti giorni',
        'Come si scrive un curriculum',
        'Chiude fra tre giorni',
        'A Crema, chiude fra cinque giorni',
      ]);
    });

    it('refuses malformed requests and other territories’ entries, all or nothing', async () => {
      const before = await queryStored(cms, TUTORIAL_ROWS);
      const [tutorial] = (await queue('operatore.crema@sitogiovani.test')).filter((item) => item.type === 'tutorial');
      const cremonas = (await queue('redazione@sitogiovani.test')).find((item) => item.title === 'Sempre aperta')!;
      const own = { type: 'tutorial', documentId: tutorial!.documentId };
      for (const [body, status] of [
        [{}, 400],
        [{ items: {} }, 400],
        [{ items: 'tutorial' }, 400],
        [{ items: [] }, 400],
        [{ items: Array.from({ length: 201 }, () => own) }, 400],
        [{ items: [{ type: 'territory', documentId: own.documentId }] }, 400],
        [{ items: [{ type: 'tutorial', documentId: [own.documentId] }] }, 400],
        [{ items: [{ type: 'tutorial', documentId: { $ne: 'x' } }] }, 400],
        [{ items: [own, { type: 'tutorial', documentId: 'doesnotexist123' }] }, 404],
        [{ items: [own, { type: 'opportunity', documentId: cremonas.documentId }] }, 403],
      ] as const) {
        const answer = await verify('operatore.crema@sitogiovani.test', body);
        expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(status);
        expect(answer.body.error.message).toMatch(/^items/);
      }
      expect(await queryStored(cms, TUTORIAL_ROWS)).toEqual(before);
    });

    it('«Verificato oggi» sets the date and who verified on every version, and nothing else, without a build', async () => {
      const [tutorial] = (await queue('operatore.crema@sitogiovani.test')).filter((item) => item.type === 'tutorial');
      const before = await queryStored<Record<string, unknown>>(cms, TUTORIAL_ROWS);
      const buildsBefore = await builds();
      const answer = await verify('operatore.crema@sitogiovani.test', {
        items: [{ type: 'tutorial', documentId: tutorial!.documentId }],
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.data).toMatchObject({ verified: 1, lastVerifiedAt: today });
      const after = await queryStored<Record<string, unknown>>(cms, TUTORIAL_ROWS);
      expect(after).toHaveLength(before.length);
      expect(after).toEqual(
        before.map((row) => ({ ...row, verified: today, to_review: after[0]!.to_review, verified_by: 'crema' })),
      );
      expect(Number(after[0]!.to_review)).toBe(0);
      expect(await builds()).toBe(buildsBefore);
      expect((await queue('operatore.crema@sitogiovani.test')).map((item) => item.title)).toEqual([
        'A Crema, chiude fra cinque giorni',
      ]);
    });

    it('mails each territory’s operators a weekly reminder, which each can turn off, and only editors send it now', async () => {
      const CREMA = 'operatore.crema@sitogiovani.test';
      const CREMONA = 'operatore.cremona@sitogiovani.test';
      const crema = await signIn(CREMA);
      expect((await crema.request('GET', '/sito/review-queue/reminder')).body.data).toEqual({ enabled: true });
      for (const body of [{}, { enabled: 'false' }, { enabled: 0 }, { enabled: null }, { enabled: [false] }]) {
        const answer = await crema.request('PUT', '/sito/review-queue/reminder', body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.message).toMatch(/^enabled: /);
      }
      const optouts = async () =>
        Number(
          (await queryStored<{ n: number | string }>(cms, 'SELECT count(*) AS n FROM sito_reminder_optouts'))[0]!.n,
        );
      expect(await optouts()).toBe(0);
      expect((await crema.request('POST', '/sito/review-queue/reminders', {})).status).toBe(403);

      const editor = await signIn('redazione@sitogiovani.test');
      const sent = await editor.request('POST', '/sito/review-queue/reminders', {});
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const toCrema = await mail.waitFor((m) => m.to.includes(CREMA) && m.subject.startsWith('Promemoria settimanale'));
      // The tutorial was verified above: Crema has one offer closing and nothing else to check.
      expect(toCrema.subject).toBe('Promemoria settimanale di Orientagiovani Crema: 1 in scadenza, 0 da verificare');
      expect(toCrema.text).toContain('«A Crema, chiude fra cinque giorni»: ultimo giorno');
      expect(toCrema.text).toContain('/admin/da-verificare');
      expect(toCrema.to).not.toContain(CREMONA);
      const toCremona = await mail.waitFor((m) => m.to.includes(CREMONA) && m.subject.startsWith('Promemoria'));
      expect(toCremona.text).toContain('«Sempre aperta» (opportunità): ultima verifica');
      expect(toCremona.text).not.toContain('A Crema');

      // Crema's operator turns it off: the next round reaches Cremona only.
      expect((await crema.request('PUT', '/sito/review-queue/reminder', { enabled: false })).body.data).toEqual({
        enabled: false,
      });
      expect(await optouts()).toBe(1);
      const count = (to: string) =>
        mail.messages.filter((m) => m.to.includes(to) && m.subject.startsWith('Promemoria')).length;
      expect((await editor.request('POST', '/sito/review-queue/reminders', {})).status).toBe(200);
      await expect.poll(() => count(CREMONA), { timeout: 10_000 }).toBe(2);
      expect(count(CREMA)).toBe(1);
      expect((await crema.request('PUT', '/sito/review-queue/reminder', { enabled: true })).status).toBe(200);
      expect(await optouts()).toBe(0);
    });
  });
});
