import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_LABELS_IT, codeLabel } from '@sito/shared';
import { groupedEditLayout, LAYOUTS, withLayout } from '../../cms/src/bootstrap/content-manager-layouts.ts';
import { CMS_DIR } from '../../scripts/lib/paths.ts';

/** A type's attributes as its schema declares them (plus Strapi's timestamps). */
const attributesOf = (uid: string) => {
  const name = uid.split('.')[1]!;
  const schema = JSON.parse(
    fs.readFileSync(path.join(CMS_DIR, 'src', 'api', name, 'content-types', name, 'schema.json'), 'utf8'),
  ) as { attributes: Record<string, unknown> };
  return { ...schema.attributes, createdAt: {}, updatedAt: {}, publishedAt: {} };
};

describe('the content manager’s layouts (cms/src/bootstrap/content-manager-layouts.ts)', () => {
  it('name only fields each type has, for its columns and its order', () => {
    for (const [uid, layout] of Object.entries(LAYOUTS)) {
      const attributes = attributesOf(uid);
      for (const field of [...layout.list, layout.sort[0], ...Object.keys(layout.fields ?? {})])
        expect(Object.keys(attributes), `${uid}: ${field}`).toContain(field);
    }
  });

  it('label every field in Italian over what Strapi stored, keeping the rest of it', () => {
    const stored = {
      settings: { pageSize: 10, mainField: 'title', defaultSortBy: 'id', defaultSortOrder: 'ASC' },
      metadatas: {
        deadline: {
          edit: { label: 'deadline', visible: true, editable: true },
          list: { label: 'deadline', sortable: true },
        },
        tags: { edit: { label: 'tags', description: 'old' }, list: { label: 'tags' } },
        somethingElse: { edit: { label: 'somethingElse' }, list: { label: 'somethingElse' } },
      },
      layouts: { list: ['id', 'title'], edit: [[{ name: 'title', size: 6 }]] },
    };
    const next = withLayout('api::opportunity.opportunity', stored, attributesOf('api::opportunity.opportunity'));
    expect(next.metadatas.deadline).toEqual({
      edit: {
        label: 'Scadenza',
        description: expect.stringMatching(/ultimo giorno utile/),
        visible: true,
        editable: true,
      },
      list: { label: 'Scadenza', sortable: true },
    });
    // A label without a description clears Strapi's, so none is left in English.
    expect(next.metadatas.tags!.edit).toEqual({ label: 'Parole chiave', description: '' });
    expect(next.metadatas.somethingElse).toEqual(stored.metadatas.somethingElse);
    expect(next.layouts).toEqual({
      list: ['title', 'kind', 'deadline', 'territory', 'lastVerifiedAt'],
      edit: stored.layouts.edit,
    });
    expect(next.settings).toEqual({
      pageSize: 10,
      mainField: 'title',
      defaultSortBy: 'deadline',
      defaultSortOrder: 'ASC',
    });
  });

  it('lay the edit view out as the work is done: content, dates, how to apply, territory and visibility, verification', () => {
    // Strapi's default: the schema's order, two fields a row.
    const names = Object.keys(attributesOf('api::opportunity.opportunity')).filter(
      (name) => !['createdAt', 'updatedAt', 'publishedAt'].includes(name),
    );
    const stored = names.map((name) => ({ name, size: 6 }));
    const rows: Array<typeof stored> = [];
    for (let i = 0; i < stored.length; i += 2) rows.push(stored.slice(i, i + 2));
    const grouped = groupedEditLayout(rows);
    expect(grouped.map((row) => row.map((field) => field.name))).toEqual([
      ['kind', 'thematicAreas'],
      ['title', 'slug'],
      ['summary', 'body'],
      ['ageMin', 'ageMax'],
      ['requirements', 'tags'],
      ['opensOn', 'deadline'],
      ['organisation', 'municipality'],
      ['remote', 'howToApply'],
      ['applyUrl', 'applyEmail'],
      ['sourceUrl', 'attachments'],
      ['territory', 'regional'],
      ['lastVerifiedAt', 'toReview'],
      ['verifiedBy', 'fromSubmission'],
    ]);
    // Nothing lost, no row wider than the grid, and the grouping is stable when applied again.
    expect(
      grouped
        .flat()
        .map((field) => field.name)
        .sort(),
    ).toEqual([...names].sort());
    expect(grouped.every((row) => row.reduce((width, field) => width + field.size, 0) <= 12)).toBe(true);
    expect(groupedEditLayout(grouped)).toEqual(grouped);
    // A full-width field alone in its group keeps its own row.
    expect(
      groupedEditLayout([
        [{ name: 'body', size: 12 }],
        [
          { name: 'territory', size: 6 },
          { name: 'title', size: 6 },
        ],
      ]),
    ).toEqual([[{ name: 'body', size: 12 }], [{ name: 'title', size: 6 }], [{ name: 'territory', size: 6 }]]);
  });

  it('refuses a layout naming a field the type does not have', () => {
    const stored = { settings: {}, metadatas: {}, layouts: { list: [], edit: [] } };
    expect(() => withLayout('api::opportunity.opportunity', stored, { title: {} })).toThrow(
      /api::opportunity\.opportunity has no field kind, deadline, territory, lastVerifiedAt, deadline/,
    );
  });

  it('give every code of every enumeration an Italian word, so no list shows an internal code', () => {
    const api = path.join(CMS_DIR, 'src', 'api');
    const missing: string[] = [];
    let codes = 0;
    for (const name of fs.readdirSync(api)) {
      const file = path.join(api, name, 'content-types', name, 'schema.json');
      if (!fs.existsSync(file)) continue;
      const { attributes } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        attributes: Record<string, { type: string; enum?: string[] }>;
      };
      for (const [attribute, { type, enum: values = [] }] of Object.entries(attributes))
        if (type === 'enumeration')
          for (const code of values) {
            codes += 1;
            if (!CODE_LABELS_IT[attribute]?.[code]) missing.push(`${name}.${attribute}: ${code}`);
          }
    }
    expect(missing).toEqual([]);
    expect(codes).toBeGreaterThan(30);
    expect(codeLabel('kind', 'seasonal')).toBe('Lavoro stagionale');
    expect(codeLabel('service', 'cv-check')).toBe('Revisione del curriculum');
    expect(codeLabel('kind', 'not-a-code')).toBe('not-a-code');
    // The admin looks each code up as a message of its own: no two attributes may spell one alike.
    const all = Object.values(CODE_LABELS_IT).flatMap((labels) => Object.keys(labels));
    expect(all.length).toBe(new Set(all).size);
  });
});
