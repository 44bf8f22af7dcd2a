import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // After strapi::query, so it sees the parsed query string.
  'global::published-only',
  // Territory operators never see another territory's entries among an entry's relations.
  'global::relations-isolation',
  // The raw body is kept beside the parsed one: signed requests are verified on the exact bytes.
  { name: 'strapi::body', config: { includeUnparsed: true } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
