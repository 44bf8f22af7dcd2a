import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import sitoEn from './translations/sito.en.json';

/**
 * The words of our own admin pages (pages/, components/, the menu and widget in app.tsx), kept in
 * two dictionaries under the same ids: translations/sito.it.json, what operators read (Italian is
 * the admin's default), and translations/sito.en.json, for a user who chose English in their
 * profile. Ids are `sito.<page>.<key>`; counts are ICU plurals (`{count, plural, one {…} other
 * {…}}`). As in Strapi's own code the English text is each message's default, here read from the
 * English dictionary so it is written once. An id missing from sito.en.json is a type error in an
 * editor (`pnpm typecheck` leaves the admin out: Strapi's packages bring two versions of React's
 * types); tests/unit/admin-messages.test.ts fails when the dictionaries differ in ids or
 * placeholders, or the code names an id they lack.
 */
export type MessageId = keyof typeof sitoEn;
type Values = Record<string, string | number | boolean | Date | null | undefined>;

/** A message as Strapi's menu links and widgets take it (they format it themselves). */
export const message = (id: MessageId) => ({ id, defaultMessage: sitoEn[id] });

/** The user's words (`t`) and dates in the user's language; Rome's time unless told otherwise. */
export function useMessages() {
  const intl = useIntl();
  return useMemo(
    () => ({
      locale: intl.locale,
      t: (id: MessageId, values?: Values): string => intl.formatMessage(message(id), values),
      date: (value: string | Date, options: Intl.DateTimeFormatOptions): string =>
        new Intl.DateTimeFormat(intl.locale, { timeZone: 'Europe/Rome', ...options }).format(new Date(value)),
    }),
    [intl],
  );
}
