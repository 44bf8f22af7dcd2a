import { describe, expect, it } from 'vitest';
import { relationRefs } from '../../cms/src/lib/relations.ts';

describe('relation values as the Document Service accepts them', () => {
  it.each([
    ['a documentId', 'abc123', ['abc123']],
    ['a row id', 7, [7]],
    ['an object with a documentId', { documentId: 'abc' }, [{ documentId: 'abc' }]],
    ['connect', { connect: [{ documentId: 'abc' }], disconnect: [] }, [{ documentId: 'abc' }]],
    ['set', { set: ['abc', 'def'] }, ['abc', 'def']],
    ['set to nothing', { set: [] }, []],
    ['a disconnect', { connect: [], disconnect: [{ documentId: 'abc' }] }, []],
    ['null', null, []],
  ])('reads %s', (_label, value, expected) => {
    expect(relationRefs(value)).toEqual(expected);
  });

  it('treats an untouched relation as untouched', () => {
    expect(relationRefs(undefined)).toBeUndefined();
    expect(relationRefs({ connect: [], disconnect: [] })).toBeUndefined();
  });
});
