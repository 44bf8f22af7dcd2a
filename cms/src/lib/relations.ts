/**
 * The references a relation value sets, in any form the Document Service accepts (a documentId,
 * a row id, `{ documentId }`, `{ connect: [...] }`, `{ set: [...] }`, `{ disconnect }`, null),
 * or `undefined` when the value does not touch the relation.
 */
export function relationRefs(value: unknown): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) return [];
  if (typeof value === 'string' || typeof value === 'number') return [value];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') {
    const relation = value as {
      connect?: unknown[];
      set?: unknown[];
      disconnect?: unknown[];
      documentId?: unknown;
      id?: unknown;
    };
    if (relation.set !== undefined) return relation.set;
    if (relation.connect?.length) return relation.connect;
    if (relation.documentId !== undefined || relation.id !== undefined) return [relation];
    // `{ connect: [], disconnect: [] }` is what a form sends for an untouched relation.
    if (relation.disconnect?.length) return [];
  }
  return undefined;
}
