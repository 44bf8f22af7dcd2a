import { z } from 'zod';
import { isSafeLink } from '../rules/index.js';

/**
 * Strapi 5 "blocks" rich text, the JSON the Blocks editor stores and the REST API publishes.
 * Validating the tree (instead of rendering arbitrary HTML) is what keeps scripts out of pages:
 * text is always escaped, and links may only use safe protocols.
 * @see https://docs.strapi.io/cms/features/content-manager#blocks
 */

/** The same rule the CMS enforces (shared/src/rules): a hub path, an anchor, http(s), mailto: or tel:, never another host. */
const safeUrlSchema = z.string().trim().refine(isSafeLink, {
  message: 'links must be a path on the hub, an anchor, http(s)://, mailto: or tel: (not //host or backslashes)',
});

export const textNodeSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});

export const linkNodeSchema = z.object({
  type: z.literal('link'),
  url: safeUrlSchema,
  children: z.array(textNodeSchema),
});

export const inlineNodeSchema = z.discriminatedUnion('type', [textNodeSchema, linkNodeSchema]);

export const listItemSchema = z.object({
  type: z.literal('list-item'),
  children: z.array(inlineNodeSchema),
});

export type ListBlock = {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number | undefined;
  children: Array<z.infer<typeof listItemSchema> | ListBlock>;
};

export const listBlockSchema: z.ZodType<ListBlock> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    format: z.enum(['ordered', 'unordered']),
    indentLevel: z.number().int().nonnegative().optional(),
    children: z.array(z.union([listItemSchema, listBlockSchema])),
  }),
);

export const blockSchema = z.union([
  z.object({ type: z.literal('paragraph'), children: z.array(inlineNodeSchema) }),
  z.object({
    type: z.literal('heading'),
    level: z.number().int().min(1).max(6),
    children: z.array(inlineNodeSchema),
  }),
  z.object({ type: z.literal('quote'), children: z.array(inlineNodeSchema) }),
  z.object({
    type: z.literal('code'),
    language: z.string().optional(),
    children: z.array(inlineNodeSchema),
  }),
  listBlockSchema,
]);

export const blocksSchema = z.array(blockSchema);

export type TextNode = z.infer<typeof textNodeSchema>;
export type LinkNode = z.infer<typeof linkNodeSchema>;
export type InlineNode = z.infer<typeof inlineNodeSchema>;
export type ListItem = z.infer<typeof listItemSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Blocks = z.infer<typeof blocksSchema>;

/** Plain text of a blocks tree, for summaries, feeds and search excerpts. */
export function blocksToPlainText(blocks: Blocks): string {
  const inline = (nodes: InlineNode[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.text : inline(node.children))).join('');
  const list = (block: ListBlock): string =>
    block.children.map((child) => (child.type === 'list' ? list(child) : inline(child.children))).join('\n');
  return blocks.map((block) => (block.type === 'list' ? list(block) : inline(block.children))).join('\n\n');
}
