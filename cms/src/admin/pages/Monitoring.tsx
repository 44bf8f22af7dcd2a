import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import uPlot from 'uplot';
import type { ContentFigures } from '@sito/shared';
import 'uplot/dist/uPlot.min.css';
import { useMessages, type MessageId } from '../messages';

/**
 * «Monitoraggio»: the state of the network at a glance — per territory what is open, closing,
 * stale, flagged and waiting, and how its hub is doing — and the trends of the last 12 weeks from
 * the daily snapshots, each chart with its table. The CMS answers with the user's territories only
 * (cms/src/monitoring/routes.ts, docs/monitoring.md).
 */
interface Row extends ContentFigures {
  territory: string;
  name: string;
  waitingQuestions: number;
  waitingBookings: number;
  waitingOffers: number;
  lastLiveAt: string | null;
  failedBuilds7Days: number;
  publishToLiveMedianSeconds: number | null;
  medianAnswerSecondsQuestions: number | null;
  medianAnswerSecondsBookings: number | null;
  medianAnswerSecondsOffers: number | null;
  byType: Record<string, { published: number; stale: number; toReview: number }>;
  byArea: Array<ContentFigures & { area: string; name: string; published: number }>;
}
type Snapshot = Record<string, number | string> & { day: string; territory: string };
interface Monitoring {
  generatedAt: string;
  today: string;
  staleAfterDays: number;
  territories: Row[];
  history: Snapshot[];
}

/** A day of the calendar (`2026-12-03`) as «3 dic», in the user's language. */
const useShortDay = () => {
  const { date } = useMessages();
  return (day: string) => date(`${day}T00:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });
};
/** A duration as the unit that reads best: seconds, minutes, hours, days. */
const useDuration = () => {
  const { t } = useMessages();
  return (seconds: number | null) =>
    seconds === null
      ? '–'
      : seconds < 90
        ? `${seconds} s`
        : seconds < 90 * 60
          ? `${Math.round(seconds / 60)} min`
          : seconds < 48 * 3600
            ? `${Math.round(seconds / 3600)} h`
            : t('sito.monitoring.days', { days: Math.round(seconds / 86_400) });
};

/** The content types as the operators know them. */
const TYPE_NAMES: Record<string, MessageId> = {
  opportunity: 'sito.monitoring.type.opportunity',
  event: 'sito.monitoring.type.event',
  tutorial: 'sito.monitoring.type.tutorial',
  profession: 'sito.monitoring.type.profession',
  question: 'sito.monitoring.type.question',
  'operator-resource': 'sito.monitoring.type.operatorResource',
  'useful-link': 'sito.monitoring.type.usefulLink',
  reading: 'sito.monitoring.type.reading',
  news: 'sito.monitoring.type.news',
  project: 'sito.monitoring.type.project',
};
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A day as uPlot's x value: seconds, at noon. */
const at = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;
/**
 * The names uPlot writes on the time axis, in the user's language: months from January, days of
 * the week from Sunday, as its `fmtDate` takes them (in Italian: «gennaio», «gen», «domenica», «dom»).
 */
const dateNames = (locale: string) => {
  const names = (options: Intl.DateTimeFormatOptions, count: number, dateOf: (index: number) => Date) =>
    Array.from({ length: count }, (_, index) =>
      new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(dateOf(index)),
    );
  const month = (index: number) => new Date(Date.UTC(2026, index, 15));
  // 4 January 2026 was a Sunday.
  const weekday = (index: number) => new Date(Date.UTC(2026, 0, 4 + index));
  return {
    MMMM: names({ month: 'long' }, 12, month),
    MMM: names({ month: 'short' }, 12, month),
    WWWW: names({ weekday: 'long' }, 7, weekday),
    WWW: names({ weekday: 'short' }, 7, weekday),
  };
};

/** Distinct, colour-blind-safe lines (Okabe–Ito). */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/**
 * One point a week for the last 12 weeks, ending today: each territory's snapshot of that day, or
 * its latest of the six days before; weeks with no snapshot at all are left out.
 */
export function weekly(history: Snapshot[], today: string, key: string, territories: Row[]) {
  const weeks = Array.from({ length: 12 }, (_, index) => addDays(today, -7 * (11 - index)));
  const valueAt = (territory: string, week: string) => {
    const candidates = history.filter(
      (snapshot) => snapshot.territory === territory && snapshot.day <= week && snapshot.day > addDays(week, -7),
    );
    const latest = candidates.sort((a, b) => b.day.localeCompare(a.day))[0];
    return latest ? Number(latest[key]) : null;
  };
  const rows = weeks
    .map((week) => ({ week, values: territories.map((row) => valueAt(row.territory, week)) }))
    .filter((row) => row.values.some((value) => value !== null));
  return rows;
}

/** A table of figures: a caption for screen readers, a header row, one row per item. */
function FigureTable(props: { caption: string; headers: string[]; rows: Array<{ key: string; cells: ReactNode[] }> }) {
  return (
    <Table colCount={props.headers.length} rowCount={props.rows.length + 1}>
      <caption>
        <VisuallyHidden>{props.caption}</VisuallyHidden>
      </caption>
      <Thead>
        <Tr>
          {props.headers.map((header) => (
            <Th key={header}>{header}</Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {props.rows.map((row) => (
          <Tr key={row.key}>
            {row.cells.map((cell, index) => (
              <Td key={props.headers[index]}>{cell}</Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function TrendChart(props: { title: string; figure: string; data: Monitoring }) {
  const { t, locale } = useMessages();
  const shortDay = useShortDay();
  const week = t('sito.monitoring.trend.week');
  const target = useRef<HTMLDivElement>(null);
  const rows = weekly(props.data.history, props.data.today, props.figure, props.data.territories);
  useEffect(() => {
    if (!target.current || rows.length === 0) return;
    const names = dateNames(locale);
    const plot = new uPlot(
      {
        width: Math.min(640, target.current.clientWidth || 640),
        height: 240,
        // Always the whole 12 weeks, however few snapshots there are yet.
        scales: {
          x: {
            time: true,
            range: () => [at(addDays(props.data.today, -7 * 11 - 3)), at(addDays(props.data.today, 3))],
          },
        },
        axes: [{}, { label: props.title }],
        legend: { show: true, live: false },
        fmtDate: (template: string) => uPlot.fmtDate(template, names),
        series: [
          { label: week },
          ...props.data.territories.map((row, index) => ({
            label: row.name,
            stroke: COLOURS[index % COLOURS.length],
            width: 2,
            points: { show: true, size: 6 },
          })),
        ],
      },
      [
        rows.map((row) => at(row.week)),
        ...props.data.territories.map((_, index) => rows.map((row) => row.values[index] ?? null)),
      ] as uPlot.AlignedData,
      target.current,
    );
    return () => plot.destroy();
  }, [props.data, props.figure, props.title, rows.length, locale, week]);

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {props.title}
        </Typography>
        {rows.length === 0 ? (
          <Typography>{t('sito.monitoring.trend.none')}</Typography>
        ) : (
          <Flex gap={6} alignItems="flex-start" wrap="wrap">
            <div ref={target} data-chart={props.figure} aria-hidden="true" style={{ flex: '1 1 420px' }} />
            <FigureTable
              caption={t('sito.monitoring.trend.caption', { title: props.title })}
              headers={[week, ...props.data.territories.map((row) => row.name)]}
              rows={rows.map((row) => ({
                key: row.week,
                cells: [shortDay(row.week), ...row.values.map((value) => value ?? '–')],
              }))}
            />
          </Flex>
        )}
      </Flex>
    </Box>
  );
}

/** One territory's figures per thematic area and per type of content, for the territory picked. */
function Breakdown(props: { territories: Row[] }) {
  const { t } = useMessages();
  const [picked, setPicked] = useState(props.territories[0]?.territory ?? '');
  const row = props.territories.find((territory) => territory.territory === picked) ?? props.territories[0];
  if (!row) return null;
  const types = Object.entries(row.byType).filter(([, figures]) => figures.published > 0);
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {t('sito.monitoring.breakdown.title', { territory: row.name })}
        </Typography>
        {props.territories.length > 1 && (
          <Box maxWidth="320px">
            <Field.Root name="territorio">
              <Field.Label>{t('sito.monitoring.breakdown.territory')}</Field.Label>
              <SingleSelect value={row.territory} onChange={(value: string | number) => setPicked(String(value))}>
                {props.territories.map((territory) => (
                  <SingleSelectOption key={territory.territory} value={territory.territory}>
                    {territory.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
        )}
        <FigureTable
          caption={t('sito.monitoring.breakdown.byArea', { territory: row.name })}
          headers={[
            t('sito.monitoring.column.area'),
            t('sito.monitoring.column.published'),
            t('sito.monitoring.column.openOpportunities'),
            t('sito.monitoring.column.closingIn7Days'),
            t('sito.monitoring.column.stale'),
            t('sito.monitoring.column.toReview'),
            t('sito.monitoring.column.upcomingEvents'),
          ]}
          rows={row.byArea.map((area) => ({
            key: area.area,
            cells: [
              area.name,
              area.published,
              area.openOpportunities,
              area.closingIn7Days,
              area.stale,
              area.toReview,
              area.upcomingEvents,
            ],
          }))}
        />
        <FigureTable
          caption={t('sito.monitoring.breakdown.byType', { territory: row.name })}
          headers={[
            t('sito.monitoring.column.type'),
            t('sito.monitoring.column.published'),
            t('sito.monitoring.column.stale'),
            t('sito.monitoring.column.toReview'),
          ]}
          rows={types.map(([type, figures]) => ({
            key: type,
            cells: [TYPE_NAMES[type] ? t(TYPE_NAMES[type]!) : type, figures.published, figures.stale, figures.toReview],
          }))}
        />
      </Flex>
    </Box>
  );
}

export function MonitoringPage() {
  const { get } = useFetchClient();
  const { t, date } = useMessages();
  const duration = useDuration();
  const dateTime = (iso: string) => date(iso, { dateStyle: 'short', timeStyle: 'short' });
  const [data, setData] = useState<Monitoring | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    get<{ data: Monitoring }>('/sito/monitoring')
      .then((response) => setData(response.data.data))
      .catch(() => setError(true));
  }, [get]);

  const downloadCsv = async () => {
    const response = await get<Blob>('/sito/monitoring?format=csv', { responseType: 'blob' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(response.data);
    link.download = `monitoraggio-${data!.today}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('sito.monitoring.title')}</Page.Title>
      <Layouts.Header
        title={t('sito.monitoring.title')}
        subtitle={t('sito.monitoring.subtitle', { when: dateTime(data.generatedAt), days: data.staleAfterDays })}
        primaryAction={
          <Button variant="secondary" onClick={() => void downloadCsv()}>
            {t('sito.monitoring.downloadCsv')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" shadow="tableShadow" hasRadius>
            <FigureTable
              caption={t('sito.monitoring.status.caption')}
              headers={[
                t('sito.monitoring.column.territory'),
                t('sito.monitoring.column.openOpportunities'),
                t('sito.monitoring.column.closingIn7Days'),
                t('sito.monitoring.column.closingIn30Days'),
                t('sito.monitoring.column.closedLast30Days'),
                t('sito.monitoring.column.stale'),
                t('sito.monitoring.column.toReview'),
                t('sito.monitoring.column.upcomingEvents'),
                t('sito.monitoring.column.waiting'),
                t('sito.monitoring.column.liveSince'),
                t('sito.monitoring.column.failedBuilds'),
                t('sito.monitoring.column.publishToLive'),
              ]}
              rows={data.territories.map((row) => ({
                key: row.territory,
                cells: [
                  <Typography fontWeight="bold">{row.name}</Typography>,
                  row.openOpportunities,
                  row.closingIn7Days,
                  row.closingIn30Days,
                  row.closedLast30Days,
                  row.stale,
                  row.toReview,
                  row.upcomingEvents,
                  <>
                    {row.waitingQuestions + row.waitingBookings + row.waitingOffers}
                    <VisuallyHidden>
                      {` ${t('sito.monitoring.waitingByKind', {
                        questions: row.waitingQuestions,
                        bookings: row.waitingBookings,
                        offers: row.waitingOffers,
                      })}`}
                    </VisuallyHidden>
                  </>,
                  row.lastLiveAt ? dateTime(row.lastLiveAt) : t('sito.monitoring.notYet'),
                  row.failedBuilds7Days,
                  duration(row.publishToLiveMedianSeconds),
                ],
              }))}
            />
          </Box>
          <Typography variant="beta" tag="h2">
            {t('sito.monitoring.requests.title')}
          </Typography>
          <Box background="neutral0" shadow="tableShadow" hasRadius>
            <FigureTable
              caption={t('sito.monitoring.requests.caption')}
              headers={[
                t('sito.monitoring.column.territory'),
                t('sito.monitoring.column.waitingQuestions'),
                t('sito.monitoring.column.waitingBookings'),
                t('sito.monitoring.column.waitingOffers'),
                t('sito.monitoring.column.answerQuestion'),
                t('sito.monitoring.column.confirmBooking'),
                t('sito.monitoring.column.publishOffer'),
              ]}
              rows={data.territories.map((row) => ({
                key: row.territory,
                cells: [
                  <Typography fontWeight="bold">{row.name}</Typography>,
                  row.waitingQuestions,
                  row.waitingBookings,
                  row.waitingOffers,
                  duration(row.medianAnswerSecondsQuestions),
                  duration(row.medianAnswerSecondsBookings),
                  duration(row.medianAnswerSecondsOffers),
                ],
              }))}
            />
          </Box>
          <Breakdown territories={data.territories} />
          <Typography variant="beta" tag="h2">
            {t('sito.monitoring.trend.title')}
          </Typography>
          <TrendChart title={t('sito.monitoring.trend.openOpportunities')} figure="openOpportunities" data={data} />
          <TrendChart title={t('sito.monitoring.trend.stale')} figure="stale" data={data} />
          <TrendChart title={t('sito.monitoring.trend.waitingQuestions')} figure="waitingQuestions" data={data} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default MonitoringPage;
