import { useEffect, useRef, useState } from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import uPlot from 'uplot';
import type { ContentFigures } from '@sito/shared';
import 'uplot/dist/uPlot.min.css';

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
}
type Snapshot = Record<string, number | string> & { day: string; territory: string };
interface Monitoring {
  generatedAt: string;
  today: string;
  staleAfterDays: number;
  territories: Row[];
  history: Snapshot[];
}

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(
    new Date(iso),
  );
const shortDay = (day: string) =>
  new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
const duration = (seconds: number | null) =>
  seconds === null ? '–' : seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A day as uPlot's x value: seconds, at noon. */
const at = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;
const ITALIAN_NAMES = {
  MMMM: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  MMM: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  WWWW: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
  WWW: ['dom', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab'],
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

function TrendChart(props: { title: string; figure: string; data: Monitoring }) {
  const target = useRef<HTMLDivElement>(null);
  const rows = weekly(props.data.history, props.data.today, props.figure, props.data.territories);
  useEffect(() => {
    if (!target.current || rows.length === 0) return;
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
        fmtDate: (template: string) => uPlot.fmtDate(template, ITALIAN_NAMES),
        series: [
          { label: 'Settimana' },
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
  }, [props.data, props.figure, props.title, rows.length]);

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {props.title}
        </Typography>
        {rows.length === 0 ? (
          <Typography>Ancora nessuna rilevazione: la prima si registra all’avvio e poi ogni sera.</Typography>
        ) : (
          <Flex gap={6} alignItems="flex-start" wrap="wrap">
            <div ref={target} data-chart={props.figure} aria-hidden="true" style={{ flex: '1 1 420px' }} />
            <Table colCount={props.data.territories.length + 1} rowCount={rows.length + 1}>
              <caption>
                <VisuallyHidden>{props.title}, per settimana</VisuallyHidden>
              </caption>
              <Thead>
                <Tr>
                  <Th>Settimana</Th>
                  {props.data.territories.map((row) => (
                    <Th key={row.territory}>{row.name}</Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((row) => (
                  <Tr key={row.week}>
                    <Td>{shortDay(row.week)}</Td>
                    {row.values.map((value, index) => (
                      <Td key={props.data.territories[index]!.territory}>{value ?? '–'}</Td>
                    ))}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Flex>
        )}
      </Flex>
    </Box>
  );
}

export function MonitoringPage() {
  const { get } = useFetchClient();
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
      <Page.Title>Monitoraggio</Page.Title>
      <Layouts.Header
        title="Monitoraggio"
        subtitle={`Dati aggiornati al ${dateTime(data.generatedAt)}. «Non verificate»: voci pubblicate non controllate da più di ${data.staleAfterDays} giorni.`}
        primaryAction={
          <Button variant="secondary" onClick={() => void downloadCsv()}>
            Scarica CSV
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" shadow="tableShadow" hasRadius>
            <Table colCount={12} rowCount={data.territories.length + 1}>
              <caption>
                <VisuallyHidden>Lo stato di ogni territorio oggi</VisuallyHidden>
              </caption>
              <Thead>
                <Tr>
                  <Th>Territorio</Th>
                  <Th>Opportunità aperte</Th>
                  <Th>Scadono entro 7 giorni</Th>
                  <Th>Entro 30 giorni</Th>
                  <Th>Scadute da meno di 30 giorni</Th>
                  <Th>Non verificate</Th>
                  <Th>Da verificare</Th>
                  <Th>Eventi in arrivo</Th>
                  <Th>In attesa di risposta</Th>
                  <Th>Sito online dal</Th>
                  <Th>Pubblicazioni fallite (7 giorni)</Th>
                  <Th>Dalla pubblicazione al sito (mediana)</Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.territories.map((row) => (
                  <Tr key={row.territory}>
                    <Td>
                      <Typography fontWeight="bold">{row.name}</Typography>
                    </Td>
                    <Td>{row.openOpportunities}</Td>
                    <Td>{row.closingIn7Days}</Td>
                    <Td>{row.closingIn30Days}</Td>
                    <Td>{row.closedLast30Days}</Td>
                    <Td>{row.stale}</Td>
                    <Td>{row.toReview}</Td>
                    <Td>{row.upcomingEvents}</Td>
                    <Td>
                      {row.waitingQuestions + row.waitingBookings + row.waitingOffers}
                      <VisuallyHidden>
                        {` (${row.waitingQuestions} domande, ${row.waitingBookings} prenotazioni, ${row.waitingOffers} offerte)`}
                      </VisuallyHidden>
                    </Td>
                    <Td>{row.lastLiveAt ? dateTime(row.lastLiveAt) : 'non ancora'}</Td>
                    <Td>{row.failedBuilds7Days}</Td>
                    <Td>{duration(row.publishToLiveMedianSeconds)}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
          <Typography variant="beta" tag="h2">
            Andamento nelle ultime 12 settimane
          </Typography>
          <TrendChart title="Opportunità aperte" figure="openOpportunities" data={data} />
          <TrendChart title="Voci non verificate" figure="stale" data={data} />
          <TrendChart title="In attesa di risposta (domande)" figure="waitingQuestions" data={data} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default MonitoringPage;
