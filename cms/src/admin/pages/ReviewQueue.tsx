import { useCallback, useEffect, useState } from 'react';
import { Layouts, Page, useAuth, useFetchClient } from '@strapi/strapi/admin';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Link } from 'react-router-dom';

/**
 * «Da verificare»: the published entries to look at again — not verified for a while, flagged, or
 * closing within a week — oldest verification first, for the user's territories
 * (cms/src/monitoring/review-queue.ts). «Verificato oggi» confirms one, or the selected ones, without
 * changing anything else and without a rebuild.
 */
interface Item {
  type: string;
  documentId: string;
  title: string;
  territory: string;
  lastVerifiedAt: string | null;
  deadline: string | null;
  reasons: Array<'stale' | 'flagged' | 'closing'>;
  path: string;
}

const TYPE: Record<string, string> = {
  opportunity: 'Opportunità',
  tutorial: 'Guida',
  profession: 'Professione',
  event: 'Evento',
  question: 'Domanda',
  'operator-resource': 'Risorsa per operatori',
  'useful-link': 'Link utile',
  reading: 'Lettura',
  news: 'Notizia',
  project: 'Progetto',
};
const REASON = {
  stale: { label: 'Non verificata', color: 'warning' },
  flagged: { label: 'Segnalata', color: 'danger' },
  closing: { label: 'Scade presto', color: 'primary' },
} as const;
const day = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
    : 'mai';
const key = (item: Pick<Item, 'type' | 'documentId'>) => `${item.type}/${item.documentId}`;

export function ReviewQueuePage() {
  const { get, post, put } = useFetchClient();
  const roles = useAuth('ReviewQueuePage', (auth) => auth.user?.roles ?? []);
  const regional = roles.some((role) => role.code === 'strapi-super-admin' || role.code === 'sito-regional-editor');
  const [reminder, setReminder] = useState<boolean | null>(null);
  const [items, setItems] = useState<Item[] | null>(null);
  const [staleAfterDays, setStaleAfterDays] = useState(90);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState(false);

  const load = useCallback(async () => {
    try {
      const response = await get<{ data: { items: Item[]; staleAfterDays: number } }>('/sito/review-queue');
      setItems(response.data.data.items);
      setStaleAfterDays(response.data.data.staleAfterDays);
    } catch {
      setError(true);
    }
  }, [get]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    get<{ data: { enabled: boolean } }>('/sito/review-queue/reminder')
      .then((response) => setReminder(response.data.data.enabled))
      .catch(() => setReminder(null));
  }, [get]);

  const switchReminder = async (enabled: boolean) => {
    const response = await put<{ data: { enabled: boolean } }>('/sito/review-queue/reminder', { enabled });
    setReminder(response.data.data.enabled);
    setMessage(
      enabled ? 'Riceverai il promemoria ogni lunedì mattina.' : 'Non riceverai più il promemoria settimanale.',
    );
  };
  const sendReminders = async () => {
    const response = await post<{ data: { mails: number } }>('/sito/review-queue/reminders', {});
    setMessage(`Promemoria inviati: ${response.data.data.mails} email.`);
  };

  const verify = async (chosen: Item[]) => {
    try {
      await post('/sito/review-queue/verify', {
        items: chosen.map(({ type, documentId }) => ({ type, documentId })),
      });
      setMessage(
        chosen.length === 1 ? `«${chosen[0]!.title}»: verificata oggi.` : `${chosen.length} voci verificate oggi.`,
      );
      setSelected(new Set());
      await load();
    } catch (problem) {
      const text = (problem as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error
        ?.message;
      setMessage(text ?? 'La verifica non è riuscita: riprova.');
    }
  };

  if (error) return <Page.Error />;
  if (!items) return <Page.Loading />;
  const toggle = (item: Item) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key(item))) next.delete(key(item));
      else next.add(key(item));
      return next;
    });
  const chosen = items.filter((item) => selected.has(key(item)));
  return (
    <Page.Main>
      <Page.Title>Da verificare</Page.Title>
      <Layouts.Header
        title="Da verificare"
        subtitle={`${items.length} voci pubblicate da ricontrollare: non verificate da più di ${staleAfterDays} giorni, segnalate, o che scadono entro 7 giorni. Le meno recenti per prime.`}
        primaryAction={
          <Button disabled={chosen.length === 0} onClick={() => void verify(chosen)}>
            {chosen.length > 1 ? `Verifica le ${chosen.length} selezionate` : 'Verifica le selezionate'}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={6} wrap="wrap">
            {reminder !== null && (
              <Checkbox checked={reminder} onCheckedChange={(checked) => void switchReminder(checked === true)}>
                Ricevi ogni lunedì un’email con quello che scade in settimana e quello da verificare
              </Checkbox>
            )}
            {regional && (
              <Button variant="tertiary" onClick={() => void sendReminders()}>
                Invia ora i promemoria a tutta la rete
              </Button>
            )}
          </Flex>
          <Box role="status">{message && <Typography>{message}</Typography>}</Box>
          {items.length === 0 ? (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography>Tutto verificato: nessuna voce da ricontrollare.</Typography>
            </Box>
          ) : (
            <Table colCount={7} rowCount={items.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">Scegli</Typography>
                  </Th>
                  <Th>Voce</Th>
                  <Th>Tipo</Th>
                  <Th>Territorio</Th>
                  <Th>Ultima verifica</Th>
                  <Th>Perché</Th>
                  <Th>Azione</Th>
                </Tr>
              </Thead>
              <Tbody>
                {items.map((item) => (
                  <Tr key={key(item)}>
                    <Td>
                      <Checkbox
                        aria-label={`Scegli «${item.title}»`}
                        checked={selected.has(key(item))}
                        onCheckedChange={() => toggle(item)}
                      />
                    </Td>
                    <Td>
                      <Link to={item.path}>{item.title.length > 80 ? `${item.title.slice(0, 79)}…` : item.title}</Link>
                    </Td>
                    <Td>{TYPE[item.type] ?? item.type}</Td>
                    <Td>{item.territory}</Td>
                    <Td>{day(item.lastVerifiedAt)}</Td>
                    <Td>
                      <Flex gap={1} wrap="wrap">
                        {item.reasons.map((reason) => (
                          <Badge key={reason} backgroundColor={`${REASON[reason].color}100`} textColor="neutral800">
                            {reason === 'closing' && item.deadline
                              ? `Scade il ${day(item.deadline)}`
                              : REASON[reason].label}
                          </Badge>
                        ))}
                      </Flex>
                    </Td>
                    <Td>
                      <Button variant="secondary" size="S" onClick={() => void verify([item])}>
                        Verificato oggi
                        <VisuallyHidden>{`: ${item.title}`}</VisuallyHidden>
                      </Button>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default ReviewQueuePage;
