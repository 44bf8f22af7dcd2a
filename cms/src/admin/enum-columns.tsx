import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CODE_LABELS_EN, CODE_LABELS_IT, codeLabel } from '@sito/shared';

/**
 * The content manager's list views show an enumeration's stored code (`job`, `seasonal`,
 * `requested`...); an operator reads its word instead, in the admin's language (CODE_LABELS_IT and
 * CODE_LABELS_EN in shared/src/code-labels.ts, registered as messages by codeMessages()).
 * Registered on the list view's column hook, as Strapi's own i18n plugin adds its column; the codes
 * stored, sorted and filtered on do not change.
 */
type Header = { name: string; attribute?: { type?: string }; cellFormatter?: unknown };
type Row = Record<string, unknown>;

export function enumLabelColumns({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) {
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) =>
      header.attribute?.type === 'enumeration' && !header.cellFormatter
        ? {
            ...header,
            cellFormatter: (row: Row) => {
              const code = row[header.name];
              return <CodeLabel attribute={header.name} code={typeof code === 'string' ? code : null} />;
            },
          }
        : header,
    ),
  };
}

/** A stored code's word in the admin's language (the code is its message id, see codeMessages()). */
function CodeLabel({ attribute, code }: { attribute: string; code: string | null }) {
  const { formatMessage } = useIntl();
  return (
    <Typography textColor="neutral800" data-code={code ?? undefined}>
      {code === null ? '-' : formatMessage({ id: code, defaultMessage: codeLabel(attribute, code) })}
    </Typography>
  );
}

/**
 * Every stored code as a message of its own, for the places where the content manager already
 * asks for one (`formatMessage({ id: code, defaultMessage: code })`): the list's filters and the
 * edit view's drop-down lists. Codes never share a spelling across attributes.
 */
export const codeMessages = (language: 'it' | 'en'): Record<string, string> =>
  Object.assign({}, ...Object.values(language === 'it' ? CODE_LABELS_IT : CODE_LABELS_EN)) as Record<string, string>;
