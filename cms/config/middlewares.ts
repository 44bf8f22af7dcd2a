import type { Core } from '@strapi/strapi';
import { corsOrigins } from '../src/cms-env';

const config = (): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Strapi's default reflects any origin, with credentials: only the CMS's own public address and
  // the hubs' origins may read its answers from a browser (SITO_CORS_ORIGINS adds more).
  { name: 'strapi::cors', config: { origin: corsOrigins(), credentials: true } },
  'strapi::poweredBy',
  'strapi::query',
  // After strapi::query, so it sees the parsed query string.
  'global::published-only',
  // The raw body is kept beside the parsed one: signed requests are verified on the exact bytes.
  { name: 'strapi::body', config: { includeUnparsed: true } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
