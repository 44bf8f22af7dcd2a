import { useState, type FormEvent } from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Dialog, Field, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useMessages, type MessageId } from '../messages';

/**
 * «Dati personali»: when someone asks what the office keeps about them, or asks to be forgotten
 * (GDPR arts. 15, 17, 20). The operator searches by the email the person gave; the CMS answers with
 * the user's territories only (cms/src/personal-data/routes.ts). The data can be downloaded as JSON
 * and erased, after a confirmation.
 */
interface Found {
  email: string;
  contacts: Array<Record<string, unknown>>;
  bookings: Array<Record<string, unknown>>;
}

const PURPOSE: Record<string, MessageId> = {
  question: 'sito.personalData.purpose.question',
  offer: 'sito.personalData.purpose.offer',
};
const STATE: Record<string, MessageId> = {
  requested: 'sito.personalData.state.requested',
  confirmed: 'sito.personalData.state.confirmed',
  cancelled: 'sito.personalData.state.cancelled',
};
const text = (value: unknown) => (value === null || value === undefined || value === '' ? '–' : String(value));
/** The CMS's refusal as `{ message, details: { code } }` (cms/src/personal-data/routes.ts). */
type Refusal = { message?: string; details?: { code?: string; value?: string } };

export function PersonalDataPage() {
  const { get, del } = useFetchClient();
  const { t, date } = useMessages();
  const when = (iso: unknown) =>
    typeof iso === 'string' ? date(iso, { dateStyle: 'short', timeStyle: 'short' }) : '–';
  const label = (ids: Record<string, MessageId>, code: unknown) =>
    ids[String(code)] ? t(ids[String(code)]!) : text(code);
  // The email's problems by their code, in the user's language; any other in the CMS's words.
  const messageOf = (error: unknown) => {
    const refusal = (error as { response?: { data?: { error?: Refusal } } }).response?.data?.error;
    if (refusal?.details?.code === 'email-missing') return t('sito.personalData.error.emailMissing');
    if (refusal?.details?.code === 'email-invalid')
      return t('sito.personalData.error.emailInvalid', { value: refusal.details.value ?? '' });
    return refusal?.message ?? t('sito.personalData.error.failed');
  };
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [erased, setErased] = useState<string | null>(null);

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    setErased(null);
    try {
      const response = await get<{ data: Found }>(`/sito/personal-data?email=${encodeURIComponent(email)}`);
      setFound(response.data.data);
      setProblem(null);
    } catch (error) {
      setFound(null);
      setProblem(messageOf(error));
    }
  };
  const download = () => {
    if (!found) return;
    const blob = new Blob([JSON.stringify(found, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `dati-personali-${found.email}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const erase = async () => {
    if (!found) return;
    try {
      const response = await del<{ data: { erased: { contacts: number; bookings: number } } }>(
        `/sito/personal-data?email=${encodeURIComponent(found.email)}`,
      );
      const { contacts, bookings } = response.data.data.erased;
      setErased(t('sito.personalData.erased', { contacts, bookings, email: found.email }));
      setFound(null);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const total = found ? found.contacts.length + found.bookings.length : 0;
  return (
    <Page.Main>
      <Page.Title>{t('sito.personalData.title')}</Page.Title>
      <Layouts.Header title={t('sito.personalData.title')} subtitle={t('sito.personalData.subtitle')} />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={6}>
          <form onSubmit={search}>
            <Flex gap={4} alignItems="flex-end">
              <Field.Root
                name="email"
                error={problem ?? undefined}
                hint={t('sito.personalData.email.hint')}
                width="100%"
              >
                <Field.Label>{t('sito.personalData.email.label')}</Field.Label>
                <Field.Input type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Button type="submit">{t('sito.personalData.search')}</Button>
            </Flex>
          </form>
        </Box>
        {erased && (
          <Box background="success100" padding={4} hasRadius marginBottom={6} role="status">
            <Typography>{erased}</Typography>
          </Box>
        )}
        {found && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Typography variant="omega" role="status">
              {total === 0
                ? t('sito.personalData.foundNothing', { email: found.email })
                : t('sito.personalData.found', {
                    contacts: found.contacts.length,
                    bookings: found.bookings.length,
                    email: found.email,
                  })}
            </Typography>
            {found.contacts.length > 0 && (
              <Table colCount={5} rowCount={found.contacts.length + 1}>
                <Thead>
                  <Tr>
                    <Th>{t('sito.personalData.column.purpose')}</Th>
                    <Th>{t('sito.personalData.column.name')}</Th>
                    <Th>{t('sito.personalData.column.about')}</Th>
                    <Th>{t('sito.personalData.column.territory')}</Th>
                    <Th>{t('sito.personalData.column.consent')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {found.contacts.map((contact) => (
                    <Tr key={String(contact.documentId)}>
                      <Td>{label(PURPOSE, contact.purpose)}</Td>
                      <Td>{text(contact.name ?? contact.organisation)}</Td>
                      <Td>{text(contact.question ?? contact.opportunity)}</Td>
                      <Td>{text(contact.territory)}</Td>
                      <Td>{when(contact.consentAt)}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
            {found.bookings.length > 0 && (
              <Table colCount={5} rowCount={found.bookings.length + 1}>
                <Thead>
                  <Tr>
                    <Th>{t('sito.personalData.column.booking')}</Th>
                    <Th>{t('sito.personalData.column.name')}</Th>
                    <Th>{t('sito.personalData.column.where')}</Th>
                    <Th>{t('sito.personalData.column.territory')}</Th>
                    <Th>{t('sito.personalData.column.state')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {found.bookings.map((booking) => (
                    <Tr key={String(booking.documentId)}>
                      <Td>{when(booking.startsAt)}</Td>
                      <Td>{text(booking.name)}</Td>
                      <Td>{text(booking.contactPoint)}</Td>
                      <Td>{text(booking.territory)}</Td>
                      <Td>{label(STATE, booking.state)}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
            {total > 0 && (
              <Flex gap={4}>
                <Button variant="secondary" onClick={download}>
                  {t('sito.personalData.download')}
                </Button>
                <Dialog.Root>
                  <Dialog.Trigger>
                    <Button variant="danger">{t('sito.personalData.eraseAll')}</Button>
                  </Dialog.Trigger>
                  <Dialog.Content>
                    <Dialog.Header>{t('sito.personalData.confirm.title', { email: found.email })}</Dialog.Header>
                    <Dialog.Body>
                      <Typography>
                        {t('sito.personalData.confirm.body', {
                          contacts: found.contacts.length,
                          bookings: found.bookings.length,
                        })}
                      </Typography>
                    </Dialog.Body>
                    <Dialog.Footer>
                      <Dialog.Cancel>
                        <Button variant="tertiary">{t('sito.personalData.confirm.cancel')}</Button>
                      </Dialog.Cancel>
                      <Dialog.Action>
                        <Button variant="danger-light" onClick={() => void erase()}>
                          {t('sito.personalData.confirm.erase')}
                        </Button>
                      </Dialog.Action>
                    </Dialog.Footer>
                  </Dialog.Content>
                </Dialog.Root>
              </Flex>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

export default PersonalDataPage;
