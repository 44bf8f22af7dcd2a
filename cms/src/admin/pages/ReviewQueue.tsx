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
import { useMessages, type MessageId } from '../messages';

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

const TYPE: Record<string, MessageId> = {
  opportunity: 'sito.review.type.opportunity',
  tutorial: 'sito.review.type.tutorial',
  profession: 'sito.review.type.profession',
  event: 'sito.review.type.event',
  question: 'sito.review.type.question',
  'operator-resource': 'sito.review.type.operatorResource',
  'useful-link': 'sito.review.type.usefulLink',
  reading: 'sito.review.type.reading',
  news: 'sito.review.type.news',
  project: 'sito.review.type.project',
};
const REASON: Record<Item['reasons'][number], { label: MessageId; color: string }> = {
  stale: { label: 'sito.review.reason.stale', color: 'warning' },
  flagged: { label: 'sito.review.reason.flagged', color: 'danger' },
  closing: { label: 'sito.review.reason.closing', color: 'primary' },
};
const key = (item: Pick<Item, 'type' | 'documentId'>) => `${item.type}/${item.documentId}`;

export function ReviewQueuePage() {
  const { get, post, put } = useFetchClient();
  const { t, date } = useMessages();
  // Dates without a time: the day as stored, whatever the time zone.
  const day = (iso: string | null) =>
    iso ? date(`${iso}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : t('sito.review.never');
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
    setMessage(t(enabled ? 'sito.review.reminder.on' : 'sito.review.reminder.off'));
  };
  const sendReminders = async () => {
    const response = await post<{ data: { mails: number } }>('/sito/review-queue/reminders', {});
    setMessage(t('sito.review.reminder.sent', { mails: response.data.data.mails }));
  };

  const verify = async (chosen: Item[]) => {
    try {
      await post('/sito/review-queue/verify', {
        items: chosen.map(({ type, documentId }) => ({ type, documentId })),
      });
      setMessage(
        chosen.length === 1
          ? t('sito.review.verified.one', { title: chosen[0]!.title })
          : t('sito.review.verified.many', { count: chosen.length }),
      );
      setSelected(new Set());
      await load();
    } catch (problem) {
      const text = (problem as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error
        ?.message;
      // The CMS's own words when it refused (cms/src/monitoring/review-queue.ts), else ours.
      setMessage(text ?? t('sito.review.verifyFailed'));
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
      <Page.Title>{t('sito.review.title')}</Page.Title>
      <Layouts.Header
        title={t('sito.review.title')}
        subtitle={t('sito.review.subtitle', { count: items.length, days: staleAfterDays })}
        primaryAction={
          <Button disabled={chosen.length === 0} onClick={() => void verify(chosen)}>
            {chosen.length > 1
              ? t('sito.review.verifySelected.count', { count: chosen.length })
              : t('sito.review.verifySelected')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={6} wrap="wrap">
            {reminder !== null && (
              <Checkbox checked={reminder} onCheckedChange={(checked) => void switchReminder(checked === true)}>
                {t('sito.review.reminder.label')}
              </Checkbox>
            )}
            {regional && (
              <Button variant="tertiary" onClick={() => void sendReminders()}>
                {t('sito.review.reminder.sendAll')}
              </Button>
            )}
          </Flex>
          <Box role="status">{message && <Typography>{message}</Typography>}</Box>
          {items.length === 0 ? (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography>{t('sito.review.empty')}</Typography>
            </Box>
          ) : (
            <Table colCount={7} rowCount={items.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('sito.review.column.select')}</Typography>
                  </Th>
                  <Th>{t('sito.review.column.entry')}</Th>
                  <Th>{t('sito.review.column.type')}</Th>
                  <Th>{t('sito.review.column.territory')}</Th>
                  <Th>{t('sito.review.column.lastVerified')}</Th>
                  <Th>{t('sito.review.column.reasons')}</Th>
                  <Th>{t('sito.review.column.action')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {items.map((item) => (
                  <Tr key={key(item)}>
                    <Td>
                      <Checkbox
                        aria-label={t('sito.review.select', { title: item.title })}
                        checked={selected.has(key(item))}
                        onCheckedChange={() => toggle(item)}
                      />
                    </Td>
                    <Td>
                      <Link to={item.path}>{item.title.length > 80 ? `${item.title.slice(0, 79)}…` : item.title}</Link>
                    </Td>
                    <Td>{TYPE[item.type] ? t(TYPE[item.type]!) : item.type}</Td>
                    <Td>{item.territory}</Td>
                    <Td>{day(item.lastVerifiedAt)}</Td>
                    <Td>
                      <Flex gap={1} wrap="wrap">
                        {item.reasons.map((reason) => (
                          <Badge key={reason} backgroundColor={`${REASON[reason].color}100`} textColor="neutral800">
                            {reason === 'closing' && item.deadline
                              ? t('sito.review.reason.closesOn', { day: day(item.deadline) })
                              : t(REASON[reason].label)}
                          </Badge>
                        ))}
                      </Flex>
                    </Td>
                    <Td>
                      <Button variant="secondary" size="S" onClick={() => void verify([item])}>
                        {t('sito.review.verify')}
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
