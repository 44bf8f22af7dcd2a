import { useCallback, useEffect, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

/**
 * "Pubblicazione": per hub, what is live and the build history (queued, running, succeeded,
 * failed, cancelled; duration, trigger, log tail), with "Ricostruisci ora" and "Annulla". The CMS
 * answers with the hubs the user may see only (cms/src/publishing/routes.ts): an operator of Crema
 * sees and rebuilds Crema only.
 */
interface Build {
  id: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  triggers: string[];
  events: number;
  attempts: number;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  worker: string | null;
  release: string | null;
  error: string | null;
  logTail: string | null;
}
interface Hub {
  id: string;
  slug: string;
  name: string;
  url: string;
  live: Build | null;
  builds: Build[];
  addresses: {
    redirects: Array<{ from: string; to: string }>;
    gone: Array<{ path: string; title: string; section: string; withdrawnAt: string }>;
  };
}
interface WithdrawnHub {
  slug: string;
  movedTo: string | null;
  at: string;
}

const STATUS: Record<Build['status'], { label: string; color: string }> = {
  queued: { label: 'In coda', color: 'neutral' },
  running: { label: 'In corso', color: 'primary' },
  succeeded: { label: 'Riuscita', color: 'success' },
  failed: { label: 'Fallita', color: 'danger' },
  cancelled: { label: 'Annullata', color: 'neutral' },
};

const when = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' }).format(
        new Date(iso),
      )
    : '–';
const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

export function PublishingPage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [hubs, setHubs] = useState<Hub[] | null>(null);
  const [withdrawn, setWithdrawn] = useState<WithdrawnHub[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const { data } = await get<{ data: Hub[]; withdrawn: WithdrawnHub[] }>('/sito/publishing/hubs');
      setHubs(data.data);
      setWithdrawn(data.withdrawn);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);
  const busy = hubs?.some((hub) => hub.builds.some((b) => b.status === 'queued' || b.status === 'running'));
  useEffect(() => {
    const timer = setInterval(() => void load(), busy ? 2_000 : 10_000);
    return () => clearInterval(timer);
  }, [busy, load]);

  const act = async (url: string, message: string) => {
    try {
      await post(url, {});
      toggleNotification({ type: 'success', message });
    } catch (e) {
      toggleNotification({ type: 'danger', message: (e as Error).message });
    }
    await load();
  };

  if (error) return <Page.Error />;
  if (!hubs) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>Pubblicazione</Page.Title>
      <Layouts.Header
        title="Pubblicazione"
        subtitle="Cosa è online su ogni hub e le ultime build. Pubblicare o ritirare un contenuto ricostruisce da solo gli hub che lo mostrano."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {hubs.length === 0 && <Typography>Non gestisci nessun hub pubblicato.</Typography>}
          {hubs.map((hub) => (
            <Box key={hub.id} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
                <Box>
                  <Typography variant="beta" tag="h2">
                    {hub.name}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {hub.live
                      ? `Online: build #${hub.live.id}, pubblicata il ${when(hub.live.finishedAt)} (${hub.live.release})`
                      : 'Non ancora pubblicato'}
                    {' · '}
                    <a href={hub.url} target="_blank" rel="noreferrer">
                      {hub.url}
                    </a>
                  </Typography>
                </Box>
                <Button
                  onClick={() =>
                    act(`/sito/publishing/hubs/${hub.slug}/rebuild`, `Ricostruzione di ${hub.name} in coda`)
                  }
                >
                  Ricostruisci ora
                </Button>
              </Flex>
              <Box paddingTop={4}>
                <Table colCount={7} rowCount={hub.builds.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>#</Th>
                      <Th>Stato</Th>
                      <Th>Motivo</Th>
                      <Th>Richiesta</Th>
                      <Th>Durata</Th>
                      <Th>Worker</Th>
                      <Th>Dettagli</Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {hub.builds.map((build) => (
                      <Tr key={build.id}>
                        <Td>{build.id}</Td>
                        <Td>
                          <Badge
                            backgroundColor={`${STATUS[build.status].color}100`}
                            textColor={`${STATUS[build.status].color}700`}
                          >
                            {STATUS[build.status].label}
                          </Badge>
                        </Td>
                        <Td>
                          <Typography>
                            {build.triggers.at(-1)}
                            {build.events > 1 ? ` (+${build.events - 1} modifiche)` : ''}
                          </Typography>
                        </Td>
                        <Td>{when(build.requestedAt)}</Td>
                        <Td>{seconds(build.durationMs)}</Td>
                        <Td>{build.worker ?? '–'}</Td>
                        <Td>
                          {(build.status === 'queued' || build.status === 'running') && (
                            <Button
                              variant="danger-light"
                              size="S"
                              onClick={() =>
                                act(`/sito/publishing/builds/${build.id}/cancel`, `Build #${build.id} annullata`)
                              }
                            >
                              Annulla
                            </Button>
                          )}
                          {(build.error || build.logTail) && (
                            <details>
                              <summary>{build.error ? `Errore (tentativo ${build.attempts})` : 'Log'}</summary>
                              {build.error && <Typography textColor="danger600">{build.error}</Typography>}
                              {build.logTail && (
                                <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', fontSize: 12 }}>
                                  {build.logTail}
                                </pre>
                              )}
                            </details>
                          )}
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>
              <PermanentAddresses hub={hub} />
            </Box>
          ))}
          {withdrawn.length > 0 && (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="beta" tag="h2">
                Siti ritirati
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                Territori non più pubblicati come hub: il loro sito non è più servito (le release restano sul server).
              </Typography>
              <ul>
                {withdrawn.map((hub) => (
                  <li key={hub.slug}>
                    <Typography>
                      /{hub.slug}/ · ritirato il {when(hub.at)} ·{' '}
                      {hub.movedTo
                        ? `i suoi indirizzi portano a /${hub.movedTo}/ (301)`
                        : 'i suoi indirizzi rispondono «non più disponibile» (410)'}
                    </Typography>
                  </li>
                ))}
              </ul>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

/**
 * What the hub answers besides its pages (cms/src/publishing/addresses.ts): the old addresses of
 * renamed entries, redirected (301) to the current one, and those of withdrawn entries (410).
 */
function PermanentAddresses({ hub }: { hub: Hub }) {
  const { redirects, gone } = hub.addresses;
  const base = hub.url.replace(/\/$/, '');
  return (
    <Box paddingTop={4}>
      <details>
        <summary>
          <Typography>
            Indirizzi permanenti: {redirects.length} {redirects.length === 1 ? 'reindirizzamento' : 'reindirizzamenti'},{' '}
            {gone.length} {gone.length === 1 ? 'contenuto ritirato' : 'contenuti ritirati'}
          </Typography>
        </summary>
        <Typography variant="pi" textColor="neutral600" tag="p">
          Un indirizzo già pubblicato non si perde: chi apre il vecchio indirizzo di un contenuto rinominato arriva a
          quello nuovo; chi apre quello di un contenuto ritirato legge che non è più disponibile, con proposte simili.
        </Typography>
        {redirects.length > 0 && (
          <Table colCount={2} rowCount={redirects.length + 1}>
            <Thead>
              <Tr>
                <Th>Vecchio indirizzo</Th>
                <Th>Porta a (301)</Th>
              </Tr>
            </Thead>
            <Tbody>
              {redirects.map((redirect) => (
                <Tr key={redirect.from}>
                  <Td>
                    <Typography>/{redirect.from}</Typography>
                  </Td>
                  <Td>
                    <a href={`${base}/${redirect.to}`} target="_blank" rel="noreferrer">
                      /{redirect.to}
                    </a>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {gone.length > 0 && (
          <Table colCount={3} rowCount={gone.length + 1}>
            <Thead>
              <Tr>
                <Th>Indirizzo ritirato (410)</Th>
                <Th>Era</Th>
                <Th>Ritirato il</Th>
              </Tr>
            </Thead>
            <Tbody>
              {gone.map((entry) => (
                <Tr key={entry.path}>
                  <Td>
                    <a href={`${base}/${entry.path}`} target="_blank" rel="noreferrer">
                      /{entry.path}
                    </a>
                  </Td>
                  <Td>
                    <Typography>{entry.title || 'Domanda all’esperto'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{when(entry.withdrawnAt)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </details>
    </Box>
  );
}

export default PublishingPage;
