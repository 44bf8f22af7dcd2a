import { describe, expect, it } from 'vitest';
import {
  blocksSchema,
  blocksToPlainText,
  describeIssues,
  opportunitySchema,
  parseOrThrow,
  ValidationError,
} from '@sito/shared';
import { opportunityFixture } from '../fixtures/entries.ts';

describe('the published opportunity schema', () => {
  it('accepts an opportunity as Strapi publishes it', () => {
    expect(opportunitySchema.parse(opportunityFixture()).slug).toBe('tirocinio-museo-del-violino');
  });

  it('accepts an opportunity without a deadline', () => {
    expect(opportunitySchema.parse(opportunityFixture({ deadline: null })).deadline).toBeNull();
  });

  it('names each wrong field, with a reason in plain words', () => {
    const result = opportunitySchema.safeParse(opportunityFixture({ deadline: '31/12/2026', slug: 'Con Spazi' }));
    expect(result.success).toBe(false);
    const problems = describeIssues(result.error!);
    expect(problems).toContainEqual(expect.stringMatching(/^field "deadline": must be a date written as YYYY-MM-DD/));
    expect(problems).toContainEqual(
      expect.stringMatching(/^field "slug": must be lowercase letters, digits and dashes/),
    );
  });

  it('requires the territory an opportunity belongs to', () => {
    const { territory: _omitted, ...withoutTerritory } = opportunityFixture();
    expect(() => parseOrThrow(opportunitySchema, withoutTerritory, 'opportunity "x"')).toThrow(/field "territory"/);
  });

  it('raises a ValidationError that carries the subject and each problem', () => {
    try {
      parseOrThrow(opportunitySchema, opportunityFixture({ title: '' }), 'opportunity "tirocinio"');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).subject).toBe('opportunity "tirocinio"');
      expect((error as ValidationError).message).toMatch(/opportunity "tirocinio" is invalid:\n {2}- field "title"/);
    }
  });
});

describe('rich text blocks', () => {
  it('refuses links that would run script', () => {
    const result = blocksSchema.safeParse([
      {
        type: 'paragraph',
        children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }],
      },
    ]);
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)[0]).toMatch(/"\[0\]\.children\[0\]\.url": links must be a path on the hub/);
  });

  it('refuses, at build time too, links that look like a hub path but open another host', () => {
    for (const url of ['//evil.example', '/\\evil.example', '/%2F/evil.example'])
      expect(
        blocksSchema.safeParse([
          { type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'x' }] }] },
        ]).success,
        url,
      ).toBe(false);
    expect(
      blocksSchema.safeParse([
        { type: 'paragraph', children: [{ type: 'link', url: '/cremona/', children: [{ type: 'text', text: 'x' }] }] },
      ]).success,
    ).toBe(true);
  });

  it('refuses node types the editor does not produce, such as raw HTML', () => {
    expect(blocksSchema.safeParse([{ type: 'html', value: '<script>alert(1)</script>' }]).success).toBe(false);
  });

  it('turns nested lists, headings and links into plain text', () => {
    const blocks = blocksSchema.parse([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Requisiti' }] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Età 18-29 anni' }] },
          {
            type: 'list',
            format: 'ordered',
            children: [{ type: 'list-item', children: [{ type: 'text', text: 'Diploma' }] }],
          },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'mailto:ig@comune.cremona.it', children: [{ type: 'text', text: 'Scrivici' }] },
        ],
      },
    ]);
    expect(blocksToPlainText(blocks)).toBe('Requisiti\n\nEtà 18-29 anni\nDiploma\n\nScrivici');
  });
});
