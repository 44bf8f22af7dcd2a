import { describe, expect, it } from 'vitest';
import { normalisedPath } from '../../cms/src/lib/paths.ts';
import { territoryChange, type Snapshot } from '../../cms/src/document-middlewares/ownership-check.ts';

describe('paths compared as the router matches them', () => {
  it.each([
    ['/api/opportunities', '/api/opportunities'],
    ['/API/Opportunities', '/api/opportunities'],
    ['/api/opportunities/', '/api/opportunities'],
    ['/api//opportunities', '/api/opportunities'],
    ['/%61pi/opportunities', '/api/opportunities'],
    ['/Content-Manager/relations/x/', '/content-manager/relations/x'],
    ['/', '/'],
    ['/api/%E0%A4%A', '/api/%e0%a4%a'],
  ])('%s → %s', (input, expected) => {
    expect(normalisedPath(input)).toBe(expected);
  });
});

describe("what an operator's action on their territory may change", () => {
  const shape = (fields: Record<string, unknown>) => JSON.stringify(fields);
  const snapshot = (versions: Record<string, Record<string, unknown>>, pointing: string[] = []): Snapshot => ({
    versions: new Map(Object.entries(versions).map(([version, fields]) => [version, shape(fields)])),
    pointing,
  });
  const draft = { slug: 'crema', hostname: null, parent: [] };

  it('accepts a change that leaves the reserved fields as they were', () => {
    expect(territoryChange('update', snapshot({ draft }), snapshot({ draft }))).toBeNull();
  });

  it('refuses a new value for a reserved field, on the version the action wrote', () => {
    expect(
      territoryChange('update', snapshot({ draft }), snapshot({ draft: { ...draft, hostname: 'evil.example' } })),
    ).toMatch(/redazione regionale/);
    expect(
      territoryChange('update', snapshot({ draft }), snapshot({ draft: { ...draft, parent: ['cremona'] } })),
    ).toMatch(/redazione regionale/);
  });

  it('lets a publish copy the draft and a discard copy the published version, as Strapi does', () => {
    const published = { ...draft, slug: 'crema-vecchio' };
    expect(
      territoryChange('publish', snapshot({ draft, published }), snapshot({ draft, published: draft })),
    ).toBeNull();
    expect(
      territoryChange('discardDraft', snapshot({ draft, published }), snapshot({ draft: published, published })),
    ).toBeNull();
    // …but an update may not copy the published value into the draft, nor a publish invent one.
    expect(
      territoryChange('publish', snapshot({ draft }), snapshot({ draft, published: { ...draft, slug: 'x' } })),
    ).toMatch(/redazione regionale/);
  });

  it('refuses any change of which entries or antennas point at the territory', () => {
    const before = snapshot({ draft }, ['api::opportunity.opportunity|a|it|draft']);
    const taken = snapshot({ draft }, [
      'api::opportunity.opportunity|a|it|draft',
      'api::opportunity.opportunity|b|it|draft',
    ]);
    const lost = snapshot({ draft }, []);
    expect(territoryChange('update', before, taken)).toMatch(/dalla voce stessa/);
    expect(territoryChange('update', before, lost)).toMatch(/dalla voce stessa/);
  });
});
