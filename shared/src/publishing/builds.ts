import { z } from 'zod';
import { slugSchema } from '../schemas/common.js';

/**
 * The publishing pipeline's vocabulary, shared by the CMS (which stores build requests and answers
 * the workers) and the workers (which claim, build and deploy hubs).
 */
export const BUILD_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const buildStatusSchema = z.enum(BUILD_STATUSES);
export type BuildStatus = z.infer<typeof buildStatusSchema>;

/** A build request as the CMS reports it to workers and to the admin. */
export const buildSchema = z.object({
  id: z.number().int().positive(),
  hubId: z.string().min(1),
  hub: slugSchema,
  status: buildStatusSchema,
  /** Why it was queued: "pubblicazione", "notturna", "riconciliazione", "manuale"… (newest last). */
  triggers: z.array(z.string()),
  /** How many content events were coalesced into this build. */
  events: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  requestedAt: z.string(),
  notBefore: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  worker: z.string().nullable(),
  release: z.string().nullable(),
  error: z.string().nullable(),
  logTail: z.string().nullable(),
});
export type Build = z.infer<typeof buildSchema>;

/** A worker's name: letters, digits and `.-_:`, so it reads well in logs and the admin. */
export const workerIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/, 'must be 1–80 letters, digits or . _ : -');

/** What a worker learns about the hub it claimed: enough to build and deploy it. */
export const claimedBuildSchema = buildSchema.extend({
  hubName: z.string(),
  hostname: z.string().nullable(),
  /** Outgoing notification after each release, when the hub has one configured. */
  notify: z.object({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(1) }).nullable(),
  /**
   * The hub's territory is no longer a published hub (unpublished, deleted, or now an antenna):
   * the worker withdraws its site instead of building it. `movedTo` is the hub its addresses now
   * lead to (an antenna's parent), or null: they answer 410.
   */
  withdraw: z.object({ movedTo: slugSchema.nullable() }).nullable().optional(),
  /** The slugs the hub's territory had before (renamed): their addresses lead to this hub's. */
  formerSlugs: z.array(slugSchema).optional(),
  /** The hostnames its site had before: they lead to this hub (the hub server reads them in hub.json). */
  formerHostnames: z.array(z.string()).optional(),
});
export type ClaimedBuild = z.infer<typeof claimedBuildSchema>;

/**
 * A draft preview: a build of one hub with one document's draft in place of its published version,
 * written to a private folder (never a release) and served only under `/_anteprima/<id>/`. The id
 * is random (128 bits): it names the preview and is the grant that lets the builder read that one
 * draft through the content API.
 */
export const previewIdSchema = z.string().regex(/^[a-f0-9]{32}$/, 'must be a preview id');
export const PREVIEW_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export const claimedPreviewSchema = z.object({
  id: previewIdSchema,
  hub: slugSchema,
  /** The REST collection of the document, e.g. `opportunities`. */
  collection: z.string().regex(/^[a-z-]+$/),
  documentId: z.string().min(1),
  locale: z.string().regex(/^[a-z]{2}$/),
});
export type ClaimedPreview = z.infer<typeof claimedPreviewSchema>;
/** The preview a build carries in its environment (SITO_PREVIEW): what to overlay, where it is served. */
export const builderPreviewSchema = claimedPreviewSchema.extend({
  /** The base path the preview is served under: `/_anteprima/<id>/<hub>`. */
  base: z.string().regex(/^\/_anteprima\/[a-f0-9]{32}\/[a-z0-9-]+$/),
});
export type BuilderPreview = z.infer<typeof builderPreviewSchema>;
export const previewPath = (id: string, hub: string) => `/_anteprima/${id}/${hub}`;
export const previewDoneRequestSchema = z.object({
  worker: workerIdSchema,
  id: previewIdSchema,
  /** Null when it is ready; otherwise why it failed (an invalid draft names its fields). */
  error: z.string().min(1).max(4_000).nullable(),
});

export const claimRequestSchema = z.object({ worker: workerIdSchema });
export const claimResponseSchema = z.object({
  build: claimedBuildSchema.nullable(),
  /** A draft preview to build, before any queued build (an editor is waiting for it). */
  preview: claimedPreviewSchema.nullable().optional(),
  /** How long a claim lives without a heartbeat. */
  leaseMs: z.number().int().positive(),
  /** With no build: how long until the next queued one is due (null: none queued). */
  nextDueInMs: z.number().int().nonnegative().nullable().optional(),
});
export const heartbeatRequestSchema = z.object({ worker: workerIdSchema, id: z.number().int().positive() });
/** `keep: false` tells the worker its claim is gone (cancelled, or taken over after a lost lease). */
export const heartbeatResponseSchema = z.object({ keep: z.boolean() });
export const completeRequestSchema = z.object({
  worker: workerIdSchema,
  id: z.number().int().positive(),
  release: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be a release folder name'),
  durationMs: z.number().int().nonnegative(),
  logTail: z.string().max(20_000),
});
export const failRequestSchema = z.object({
  worker: workerIdSchema,
  id: z.number().int().positive(),
  error: z.string().min(1).max(2_000),
  logTail: z.string().max(20_000),
});
export const failResponseSchema = z.object({ retryAt: z.string().nullable() });
export const recoverResponseSchema = z.object({ requeued: z.number().int().nonnegative() });
export const reconcileResponseSchema = z.object({ queued: z.array(slugSchema) });

/** The JSON a hub's release folder carries about its hub, for the web server (Host header) and nginx. */
export const releaseHubSchema = z.object({
  slug: slugSchema,
  name: z.string(),
  hostname: z.string().nullable(),
  /** Hostnames the hub's site had before: they answer 301 to it. */
  formerHostnames: z.array(z.string()).optional(),
});
export type ReleaseHub = z.infer<typeof releaseHubSchema>;
