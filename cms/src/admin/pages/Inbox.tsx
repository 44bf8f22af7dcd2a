import { useCallback, useEffect, useState } from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useMessages, type MessageId } from '../messages';

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

const KIND: Record<Item['kind'], { label: MessageId; color: string }> = {
  question: { label: 'sito.inbox.kind.question', color: 'primary' },
  booking: { label: 'sito.inbox.kind.booking', color: 'success' },
  offer: { label: 'sito.inbox.kind.offer', color: 'warning' },
};

/** How long it has waited, as an operator says it: the message and its count. */
export const age = (iso: string, now = Date.now()): [MessageId, Record<string, number>?] => {
  const hours = Math.floor((now - Date.parse(iso)) / 3_600_000);
  if (hours < 1) return ['sito.inbox.age.underAnHour'];
  if (hours < 24) return ['sito.inbox.age.hours', { hours }];
  return ['sito.inbox.age.days', { days: Math.floor(hours / 24) }];
};

export function InboxPage() {
  const { get } = useFetchClient();
  const { t, date } = useMessages();
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
  return (
    <Page.Main>
      <Page.Title>{t('sito.inbox.title')}</Page.Title>
      <Layouts.Header
        title={t('sito.inbox.title')}
        subtitle={t('sito.inbox.subtitle', {
          questions: data.counts.question,
          bookings: data.counts.booking,
          offers: data.counts.offer,
        })}
      />
      <Layouts.Content>
        {data.items.length === 0 ? (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography>{t('sito.inbox.empty')}</Typography>
          </Box>
        ) : (
          <Table colCount={5} rowCount={data.items.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('sito.inbox.column.kind')}</Th>
                <Th>{t('sito.inbox.column.what')}</Th>
                <Th>{t('sito.inbox.column.territory')}</Th>
                <Th>{t('sito.inbox.column.received')}</Th>
                <Th>{t('sito.inbox.column.waiting')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {data.items.map((item) => (
                <Tr key={`${item.kind}-${item.documentId}`}>
                  <Td>
                    <Badge backgroundColor={`${KIND[item.kind].color}100`} textColor="neutral800">
                      {t(KIND[item.kind].label)}
                    </Badge>
                  </Td>
                  <Td>
                    <Link to={item.path}>{item.title.length > 90 ? `${item.title.slice(0, 89)}…` : item.title}</Link>
                  </Td>
                  <Td>{item.territory}</Td>
                  <Td>{date(item.receivedAt, { dateStyle: 'short', timeStyle: 'short' })}</Td>
                  <Td>
                    <Flex>{t(...age(item.receivedAt))}</Flex>
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
