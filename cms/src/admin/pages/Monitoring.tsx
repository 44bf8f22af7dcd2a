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

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(
    new Date(iso),
  );
const shortDay = (day: string) =>
  new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
const duration = (seconds: number | null) =>
  seconds === null
    ? '–'
    : seconds < 90
      ? `${seconds} s`
      : seconds < 90 * 60
        ? `${Math.round(seconds / 60)} min`
        : seconds < 48 * 3600
          ? `${Math.round(seconds / 3600)} h`
          : `${Math.round(seconds / 86_400)} giorni`;

/** The content types as the operators know them. */
const TYPE_NAMES: Record<string, string> = {
  opportunity: 'Opportunità',
  event: 'Eventi',
  tutorial: 'Guide',
  profession: 'Professioni',
  question: 'L’esperto risponde',
  'operator-resource': 'Risorse per operatori',
  'useful-link': 'Link utili',
  reading: 'Letture',
  news: 'Notizie',
  project: 'Progetti',
};
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
            <FigureTable
              caption={`${props.title}, per settimana`}
              headers={['Settimana', ...props.data.territories.map((row) => row.name)]}
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
  const [picked, setPicked] = useState(props.territories[0]?.territory ?? '');
  const row = props.territories.find((territory) => territory.territory === picked) ?? props.territories[0];
  if (!row) return null;
  const types = Object.entries(row.byType).filter(([, figures]) => figures.published > 0);
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {`Per area tematica e per tipo: ${row.name}`}
        </Typography>
        {props.territories.length > 1 && (
          <Box maxWidth="320px">
            <Field.Root name="territorio">
              <Field.Label>Territorio</Field.Label>
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
          caption={`${row.name}, per area tematica`}
          headers={[
            'Area tematica',
            'Voci pubblicate',
            'Opportunità aperte',
            'Scadono entro 7 giorni',
            'Non verificate',
            'Da verificare',
            'Eventi in arrivo',
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
          caption={`${row.name}, per tipo di contenuto`}
          headers={['Tipo di contenuto', 'Voci pubblicate', 'Non verificate', 'Da verificare']}
          rows={types.map(([type, figures]) => ({
            key: type,
            cells: [TYPE_NAMES[type] ?? type, figures.published, figures.stale, figures.toReview],
          }))}
        />
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
            <FigureTable
              caption="Lo stato di ogni territorio oggi"
              headers={[
                'Territorio',
                'Opportunità aperte',
                'Scadono entro 7 giorni',
                'Entro 30 giorni',
                'Scadute da meno di 30 giorni',
                'Non verificate',
                'Da verificare',
                'Eventi in arrivo',
                'In attesa di risposta',
                'Sito online dal',
                'Pubblicazioni fallite (7 giorni)',
                'Dalla pubblicazione al sito (mediana)',
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
                      {` (${row.waitingQuestions} domande, ${row.waitingBookings} prenotazioni, ${row.waitingOffers} offerte)`}
                    </VisuallyHidden>
                  </>,
                  row.lastLiveAt ? dateTime(row.lastLiveAt) : 'non ancora',
                  row.failedBuilds7Days,
                  duration(row.publishToLiveMedianSeconds),
                ],
              }))}
            />
          </Box>
          <Typography variant="beta" tag="h2">
            Richieste dai siti
          </Typography>
          <Box background="neutral0" shadow="tableShadow" hasRadius>
            <FigureTable
              caption="Richieste in attesa e tempo mediano di risposta negli ultimi 30 giorni"
              headers={[
                'Territorio',
                'Domande in attesa',
                'Prenotazioni da confermare',
                'Offerte da pubblicare',
                'Risposta a una domanda (mediana, 30 giorni)',
                'Conferma di una prenotazione',
                'Pubblicazione di un’offerta',
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
