import { useCallback, useEffect, useState } from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';

/**
 * «In arrivo»: what people sent from the hubs and still waits for an operator, oldest first, with
 * its age and a link to open it (cms/src/inbox/routes.ts answers with the user's territories only).
 */
interface Item {
  kind: 'question' | 'booking' | 'offer';
  documentId: string;
  title: string;
  territory: string;
  receivedAt: string;
  path: string;
}
type Counts = Record<Item['kind'], number>;

const KIND: Record<Item['kind'], { label: string; plural: string; color: string }> = {
  question: { label: 'Domanda', plural: 'domande da rispondere', color: 'primary' },
  booking: { label: 'Prenotazione', plural: 'prenotazioni da confermare', color: 'success' },
  offer: { label: 'Offerta', plural: 'offerte da pubblicare', color: 'warning' },
};

/** How long it has waited, as an operator says it. */
export const age = (iso: string, now = Date.now()): string => {
  const hours = Math.floor((now - Date.parse(iso)) / 3_600_000);
  if (hours < 1) return 'meno di un’ora';
  if (hours < 24) return hours === 1 ? '1 ora' : `${hours} ore`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 giorno' : `${days} giorni`;
};

export function InboxPage() {
  const { get } = useFetchClient();
  const [data, setData] = useState<{ items: Item[]; counts: Counts } | null>(null);
  const [error, setError] = useState(false);

  const load = useCallback(async () => {
    try {
      const response = await get<{ data: { items: Item[]; counts: Counts } }>('/sito/inbox');
      setData(response.data.data);
      setError(false);
    } catch {
      setError(true);
    }
  }, [get]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, [load]);

  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;
  const summary = (Object.keys(KIND) as Item['kind'][])
    .map((kind) => `${data.counts[kind]} ${KIND[kind].plural}`)
    .join(', ');
  return (
    <Page.Main>
      <Page.Title>In arrivo</Page.Title>
      <Layouts.Header title="In arrivo" subtitle={`Dai siti: ${summary}. Le più vecchie per prime.`} />
      <Layouts.Content>
        {data.items.length === 0 ? (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography>Niente in attesa: tutto quello che è arrivato dai siti ha già una risposta.</Typography>
          </Box>
        ) : (
          <Table colCount={5} rowCount={data.items.length + 1}>
            <Thead>
              <Tr>
                <Th>Tipo</Th>
                <Th>Cosa</Th>
                <Th>Territorio</Th>
                <Th>Arrivata</Th>
                <Th>In attesa da</Th>
              </Tr>
            </Thead>
            <Tbody>
              {data.items.map((item) => (
                <Tr key={`${item.kind}-${item.documentId}`}>
                  <Td>
                    <Badge backgroundColor={`${KIND[item.kind].color}100`} textColor="neutral800">
                      {KIND[item.kind].label}
                    </Badge>
                  </Td>
                  <Td>
                    <Link to={item.path}>{item.title.length > 90 ? `${item.title.slice(0, 89)}…` : item.title}</Link>
                  </Td>
                  <Td>{item.territory}</Td>
                  <Td>
                    {new Intl.DateTimeFormat('it-IT', {
                      dateStyle: 'short',
                      timeStyle: 'short',
                      timeZone: 'Europe/Rome',
                    }).format(new Date(item.receivedAt))}
                  </Td>
                  <Td>
                    <Flex>{age(item.receivedAt)}</Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

export default InboxPage;
