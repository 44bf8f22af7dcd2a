import { useState, type FormEvent } from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Dialog, Field, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

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

const PURPOSE: Record<string, string> = { question: 'Domanda', offer: 'Offerta di lavoro' };
const STATE: Record<string, string> = { requested: 'richiesta', confirmed: 'confermata', cancelled: 'annullata' };
const when = (iso: unknown) =>
  typeof iso === 'string'
    ? new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(
        new Date(iso),
      )
    : '–';
const text = (value: unknown) => (value === null || value === undefined || value === '' ? '–' : String(value));
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const contactsAndBookings = (contacts: number, bookings: number) =>
  `${count(contacts, 'contatto', 'contatti')} e ${count(bookings, 'prenotazione', 'prenotazioni')}`;
const messageOf = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ??
  'La richiesta non è riuscita: riprova.';

export function PersonalDataPage() {
  const { get, del } = useFetchClient();
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
      setErased(`Cancellati: ${contactsAndBookings(contacts, bookings)} di ${found.email}.`);
      setFound(null);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const total = found ? found.contacts.length + found.bookings.length : 0;
  return (
    <Page.Main>
      <Page.Title>Dati personali</Page.Title>
      <Layouts.Header
        title="Dati personali"
        subtitle="Quando una persona chiede quali dati teniamo su di lei, o di cancellarli: cerca con l’email che ha dato."
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={6}>
          <form onSubmit={search}>
            <Flex gap={4} alignItems="flex-end">
              <Field.Root name="email" error={problem ?? undefined} hint="Le maiuscole non contano." width="100%">
                <Field.Label>Email della persona</Field.Label>
                <Field.Input type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Button type="submit">Cerca</Button>
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
                ? `Nessun dato di ${found.email} nei tuoi territori.`
                : `${contactsAndBookings(found.contacts.length, found.bookings.length)} di ${found.email}.`}
            </Typography>
            {found.contacts.length > 0 && (
              <Table colCount={5} rowCount={found.contacts.length + 1}>
                <Thead>
                  <Tr>
                    <Th>Perché</Th>
                    <Th>Nome</Th>
                    <Th>Su cosa</Th>
                    <Th>Territorio</Th>
                    <Th>Consenso</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {found.contacts.map((contact) => (
                    <Tr key={String(contact.documentId)}>
                      <Td>{PURPOSE[String(contact.purpose)] ?? text(contact.purpose)}</Td>
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
                    <Th>Prenotazione</Th>
                    <Th>Nome</Th>
                    <Th>Dove</Th>
                    <Th>Territorio</Th>
                    <Th>Stato</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {found.bookings.map((booking) => (
                    <Tr key={String(booking.documentId)}>
                      <Td>{when(booking.startsAt)}</Td>
                      <Td>{text(booking.name)}</Td>
                      <Td>{text(booking.contactPoint)}</Td>
                      <Td>{text(booking.territory)}</Td>
                      <Td>{STATE[String(booking.state)] ?? text(booking.state)}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
            {total > 0 && (
              <Flex gap={4}>
                <Button variant="secondary" onClick={download}>
                  Scarica i dati (JSON)
                </Button>
                <Dialog.Root>
                  <Dialog.Trigger>
                    <Button variant="danger">Cancella tutti i dati</Button>
                  </Dialog.Trigger>
                  <Dialog.Content>
                    <Dialog.Header>Cancellare i dati di {found.email}?</Dialog.Header>
                    <Dialog.Body>
                      <Typography>
                        Si cancellano {contactsAndBookings(found.contacts.length, found.bookings.length)}: le
                        prenotazioni liberano il loro orario. Le domande e le offerte restano, senza i dati della
                        persona. Non si può annullare.
                      </Typography>
                    </Dialog.Body>
                    <Dialog.Footer>
                      <Dialog.Cancel>
                        <Button variant="tertiary">Annulla</Button>
                      </Dialog.Cancel>
                      <Dialog.Action>
                        <Button variant="danger-light" onClick={() => void erase()}>
                          Cancella
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
