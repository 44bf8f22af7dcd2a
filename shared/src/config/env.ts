import { z } from 'zod';
import { builderPreviewSchema } from '../publishing/builds.js';
import { ValidationError } from '../errors.js';
import { slugSchema } from '../schemas/common.js';

/** Environment variables read as booleans accept the spellings people actually write. */
export const envBoolean = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://localhost:1337' });

/**
 * Parses environment variables with a strict schema. Unknown variables are ignored (the process
 * environment holds many), but every variable the schema names is checked, and the error lists
 * each wrong one by name with the reason.
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv, subject: string): z.infer<S> {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined) picked[key] = value;
  }
  const result = schema.safeParse(picked);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return `${name}: ${issue.message}${name in picked ? ` (got "${picked[name]}")` : ''}`;
    });
    throw new ValidationError(subject, problems);
  }
  return result.data;
}

/**
 * What the site builder reads from its environment.
 * @see ../../../README.md#configuration
 */
export const builderEnvSchema = z.object({
  /** Slug of the hub (territory) to build, e.g. `cremona`. */
  SITO_HUB: slugSchema,
  /** Base URL of the CMS. */
  SITO_CMS_URL: httpUrl.default('http://localhost:1337'),
  /** Read-only API token; when unset the builder reads the file the CMS writes (SITO_TOKEN_FILE). */
  SITO_CMS_TOKEN: z.string().min(16, 'looks too short to be a Strapi API token').optional(),
  /** Where the CMS stores the builder's token on first boot. */
  SITO_TOKEN_FILE: z.string().min(1).optional(),
  /** Public origin the hubs are served from (used for canonical URLs and the sitemap). */
  SITO_SITE_URL: httpUrl.default('http://localhost:4321'),
  /** Fail the build on the first invalid entry instead of skipping it. */
  SITO_STRICT: envBoolean.default(false),
  /** A draft preview build (set by a worker, JSON): the draft to show and the private base path. */
  SITO_PREVIEW: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(builderPreviewSchema)
    .optional(),
});
export type BuilderEnv = z.infer<typeof builderEnvSchema>;

/** Documented development defaults for the first super admin (refused in production). */
export const DEV_ADMIN = { email: 'admin@sitogiovani.test', password: 'SitoGiovani-2026' } as const;

/** A password Strapi accepts for an admin: 8+ characters with a lowercase, an uppercase letter and a digit. */
export const adminPasswordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(72, 'must be at most 72 characters')
  .regex(/[a-z]/, 'must contain a lowercase letter')
  .regex(/[A-Z]/, 'must contain an uppercase letter')
  .regex(/\d/, 'must contain a digit');

/**
 * The shared secret that signs the build workers' requests to the CMS (Standard Webhooks:
 * `whsec_` and base64 of at least 24 random bytes). `pnpm start` generates one in cms/.env.
 */
export const workerSecretSchema = z
  .string()
  .regex(/^(whsec_)?[A-Za-z0-9+/]{32,}={0,2}$/, 'must be whsec_ followed by base64 of at least 24 random bytes');

/** The publishing pipeline's settings, read by the CMS. */
const publishingEnv = {
  /** Without it the workers' endpoints answer 503: nothing can claim builds. */
  SITO_WORKER_SECRET: workerSecretSchema.optional(),
  /** Where the hubs are served, for the admin's links to each live site. */
  SITO_HUBS_URL: httpUrl.default('http://localhost:4321'),
  /** Content events for one hub within this window are coalesced into one build (sliding). */
  SITO_BUILD_WINDOW_MS: z.coerce.number().int().min(0).max(600_000).default(1_500),
  /** …but a build never waits longer than this after its first event. */
  SITO_BUILD_MAX_WAIT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** A running build whose worker has not reported for this long is taken back and retried. */
  SITO_BUILD_LEASE_SECONDS: z.coerce.number().int().min(3).max(3_600).default(30),
  /** A failing build is retried with exponential backoff up to this many attempts. */
  SITO_BUILD_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** The first retry's delay; each next one doubles it (capped at ten minutes). */
  SITO_BUILD_RETRY_BASE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
};

/** A comma-separated list of browser origins (`https://host[:port]`, no path). */
const originList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      httpUrl.refine((value) => new URL(value).origin === value.replace(/\/$/, ''), {
        error: 'each entry must be an origin only (scheme, host and port), e.g. https://giovani.comune.crema.cr.it',
      }),
    ),
  );

/** What the CMS reads from its environment, beyond Strapi's own secrets. */
export const cmsEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** The CMS's public address (Strapi's `url`), e.g. https://cms.informagiovani.it; also allowed by CORS. */
    PUBLIC_URL: z.union([z.literal('').transform(() => undefined), httpUrl]).optional(),
    /** More browser origins allowed to call the CMS (CORS), comma-separated; the hubs' origin always is. */
    SITO_CORS_ORIGINS: originList.default([]),
    /** PostgreSQL connection string; when unset the CMS uses the embedded SQLite file. */
    DATABASE_URL: z
      .url({
        protocol: /^postgres(ql)?$/,
        error: 'must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/sito',
      })
      .optional(),
    /** PostgreSQL schema to use (tests give each run its own). */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'must be a plain lowercase identifier')
      .default('public'),
    /** SQLite file, relative to cms/ or absolute. */
    DATABASE_FILENAME: z.string().min(1).default('.tmp/data.db'),
    SITO_ADMIN_EMAIL: z.email('must be an email address').optional(),
    SITO_ADMIN_PASSWORD: adminPasswordSchema.optional(),
    SITO_TOKEN_FILE: z.string().min(1).optional(),
    /** Load the demo content (cms/seed/demo) at boot; `pnpm start` turns it on. */
    SITO_SEED_DEMO: envBoolean.default(false),
    /** Load seed content from this folder instead (same files as cms/seed/demo); the benchmark uses it. */
    SITO_SEED_DIR: z.string().min(1).optional(),
    /** Entries not verified for this many days are flagged "to review" (toReview). */
    SITO_REVIEW_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    /** The monitoring counts entries not verified for this many days as stale (GET /sito/monitoring). */
    SITO_STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Empty the seeded content types before seeding: restores the demo content from scratch. */
    SITO_SEED_RESET: envBoolean.default(false),
    /**
     * The proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client
     * of a hub's form, for the per-address rate limit: the hub server or nginx. Checked at boot
     * (cms/src/submissions/client-address.ts).
     */
    SITO_TRUSTED_PROXIES: z.string().trim().min(1).default('127.0.0.0/8,::1'),
    /** Questions accepted from one address in 10 minutes, and for one territory in an hour. */
    SITO_SUBMISSIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(5),
    SITO_SUBMISSIONS_PER_TERRITORY: z.coerce.number().int().min(1).max(1_000_000).default(100),
    /**
     * The SMTP server the CMS sends mail through (Strapi's email plugin with nodemailer): new
     * questions to the territory's operators, «the answer is online» to who asked. Required in
     * production; `npm start` runs a local catcher; unset elsewhere, no mail is sent (each is logged).
     */
    SMTP_HOST: z.string().trim().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    SMTP_SECURE: envBoolean.default(false),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** Who asked a question is erased this many days after the answer is published… */
    SITO_CONTACT_DAYS_AFTER_ANSWER: z.coerce.number().int().min(0).max(3650).default(30),
    /** …and in any case this many days after the question arrived, answered or not. */
    SITO_CONTACT_MAX_DAYS: z.coerce.number().int().min(0).max(3650).default(180),
    /** A booking (who, when, why) is erased this many days after its appointment, or after it was cancelled. */
    SITO_BOOKING_DAYS_AFTER: z.coerce.number().int().min(0).max(3650).default(30),
    /** The sender of the network's mail. */
    SITO_MAIL_FROM: z
      .email('must be an email address, e.g. informagiovani@comune.cremona.it')
      .default('noreply@sitogiovani.test'),
    ...publishingEnv,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SMTP_HOST)
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_HOST'],
        message:
          'is required in production: the SMTP server that sends the network’s mail (with SMTP_PORT, SMTP_USER, SMTP_PASSWORD)',
      });
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD))
      ctx.addIssue({
        code: 'custom',
        path: [env.SMTP_USER ? 'SMTP_PASSWORD' : 'SMTP_USER'],
        message: 'SMTP_USER and SMTP_PASSWORD go together',
      });
  });
export type CmsEnv = z.infer<typeof cmsEnvSchema>;
