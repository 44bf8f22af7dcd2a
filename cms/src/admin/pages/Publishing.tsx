import { useCallback, useEffect, useState } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useMessages, type MessageId } from '../messages';

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
    /** `hub`: an entry moved to another territory, published on that hub now. */
    redirects: Array<{ from: string; to: string; hub?: string }>;
    gone: Array<{ path: string; title: string; section: string; withdrawnAt: string }>;
  };
}
interface WithdrawnHub {
  slug: string;
  movedTo: string | null;
  at: string;
}

const STATUS: Record<Build['status'], { label: MessageId; color: string }> = {
  queued: { label: 'sito.publishing.status.queued', color: 'neutral' },
  running: { label: 'sito.publishing.status.running', color: 'primary' },
  succeeded: { label: 'sito.publishing.status.succeeded', color: 'success' },
  failed: { label: 'sito.publishing.status.failed', color: 'danger' },
  cancelled: { label: 'sito.publishing.status.cancelled', color: 'neutral' },
};

/** A moment to the second, in the user's language. */
function useWhen() {
  const { date } = useMessages();
  return (iso: string | null) => (iso ? date(iso, { dateStyle: 'short', timeStyle: 'medium' }) : '–');
}
const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

export function PublishingPage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { t } = useMessages();
  const when = useWhen();
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
      <Page.Title>{t('sito.publishing.title')}</Page.Title>
      <Layouts.Header title={t('sito.publishing.title')} subtitle={t('sito.publishing.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {hubs.length === 0 && <Typography>{t('sito.publishing.noHubs')}</Typography>}
          {hubs.map((hub) => (
            <Box key={hub.id} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
                <Box>
                  <Typography variant="beta" tag="h2">
                    {hub.name}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {hub.live
                      ? t('sito.publishing.live', {
                          build: hub.live.id,
                          when: when(hub.live.finishedAt),
                          release: String(hub.live.release),
                        })
                      : t('sito.publishing.notLive')}
                    {' · '}
                    <a href={hub.url} target="_blank" rel="noreferrer">
                      {hub.url}
                    </a>
                  </Typography>
                </Box>
                <Button
                  onClick={() =>
                    act(
                      `/sito/publishing/hubs/${hub.slug}/rebuild`,
                      t('sito.publishing.rebuildQueued', { hub: hub.name }),
                    )
                  }
                >
                  {t('sito.publishing.rebuild')}
                </Button>
              </Flex>
              <Box paddingTop={4}>
                <Table colCount={7} rowCount={hub.builds.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>#</Th>
                      <Th>{t('sito.publishing.column.status')}</Th>
                      <Th>{t('sito.publishing.column.reason')}</Th>
                      <Th>{t('sito.publishing.column.requested')}</Th>
                      <Th>{t('sito.publishing.column.duration')}</Th>
                      <Th>{t('sito.publishing.column.worker')}</Th>
                      <Th>{t('sito.publishing.column.details')}</Th>
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
                            {t(STATUS[build.status].label)}
                          </Badge>
                        </Td>
                        <Td>
                          <Typography>
                            {/* The CMS's own words, stored with the build (cms/src/publishing/store.ts). */}
                            {build.triggers.at(-1)}
                            {build.events > 1
                              ? ` ${t('sito.publishing.moreChanges', { count: build.events - 1 })}`
                              : ''}
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
                                act(
                                  `/sito/publishing/builds/${build.id}/cancel`,
                                  t('sito.publishing.cancelled', { build: build.id }),
                                )
                              }
                            >
                              {t('sito.publishing.cancel')}
                            </Button>
                          )}
                          {(build.error || build.logTail) && (
                            <details>
                              <summary>
                                {build.error
                                  ? t('sito.publishing.error', { attempt: build.attempts })
                                  : t('sito.publishing.log')}
                              </summary>
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
                {t('sito.publishing.withdrawn.title')}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {t('sito.publishing.withdrawn.description')}
              </Typography>
              <ul>
                {withdrawn.map((hub) => (
                  <li key={hub.slug}>
                    <Typography>
                      {hub.movedTo
                        ? t('sito.publishing.withdrawn.moved', { slug: hub.slug, when: when(hub.at), to: hub.movedTo })
                        : t('sito.publishing.withdrawn.gone', { slug: hub.slug, when: when(hub.at) })}
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
  const { t } = useMessages();
  const when = useWhen();
  const base = hub.url.replace(/\/$/, '');
  return (
    <Box paddingTop={4}>
      <details>
        <summary>
          <Typography>
            {t('sito.publishing.addresses.summary', { redirects: redirects.length, gone: gone.length })}
          </Typography>
        </summary>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('sito.publishing.addresses.description')}
        </Typography>
        {redirects.length > 0 && (
          <Table colCount={2} rowCount={redirects.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('sito.publishing.addresses.column.from')}</Th>
                <Th>{t('sito.publishing.addresses.column.to')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {redirects.map((redirect) => (
                <Tr key={redirect.from}>
                  <Td>
                    <Typography>/{redirect.from}</Typography>
                  </Td>
                  <Td>
                    <a
                      href={
                        redirect.hub
                          ? new URL(`../${redirect.hub}/${redirect.to}`, `${base}/`).href
                          : `${base}/${redirect.to}`
                      }
                      target="_blank"
                      rel="noreferrer"
                    >
                      {redirect.hub ? `${redirect.hub}: ` : ''}/{redirect.to}
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
                <Th>{t('sito.publishing.addresses.column.gone')}</Th>
                <Th>{t('sito.publishing.addresses.column.was')}</Th>
                <Th>{t('sito.publishing.addresses.column.withdrawnAt')}</Th>
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
                    <Typography>{entry.title || t('sito.publishing.addresses.question')}</Typography>
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
