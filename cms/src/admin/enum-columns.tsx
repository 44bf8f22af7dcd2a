import { Typography } from '@strapi/design-system';
import { CODE_LABELS_IT, codeLabel } from '@sito/shared';

/**
 * The content manager's list views show an enumeration's stored code (`job`, `seasonal`,
 * `requested`...); an operator reads its Italian word instead (CODE_LABELS_IT in
 * shared/src/code-labels.ts). Registered on the list view's column hook, as Strapi's own i18n
 * plugin adds its column; the codes stored, sorted and filtered on do not change.
 */
type Header = { name: string; attribute?: { type?: string }; cellFormatter?: unknown };
type Row = Record<string, unknown>;

export function italianEnumColumns({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) {
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) =>
      header.attribute?.type === 'enumeration' && !header.cellFormatter
        ? {
            ...header,
            cellFormatter: (row: Row) => {
              const code = row[header.name];
              return (
                <Typography textColor="neutral800" data-code={typeof code === 'string' ? code : undefined}>
                  {typeof code === 'string' ? codeLabel(header.name, code) : '-'}
                </Typography>
              );
            },
          }
        : header,
    ),
  };
}

/**
 * Every stored code as a message of its own, for the places where the content manager already
 * asks for one (`formatMessage({ id: code, defaultMessage: code })`): the list's filters and the
 * edit view's drop-down lists. Codes never share a spelling across attributes.
 */
export const codeMessages = (): Record<string, string> =>
  Object.assign({}, ...Object.values(CODE_LABELS_IT)) as Record<string, string>;
