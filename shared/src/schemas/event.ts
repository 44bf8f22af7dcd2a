import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import {
  documentBaseSchema,
  isoDateSchema,
  isoDateTimeSchema,
  localeSchema,
  slugSchema,
  webUrlSchema,
} from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';
import { thematicAreaRefSchema } from './thematic-area.js';

export const eventKindSchema = z.enum([
  'job-day',
  'career-day',
  'job-fair',
  'workshop',
  'webinar',
  'info-session',
  'operator-training',
]);
export const audienceSchema = z.enum(['young-people', 'families', 'companies', 'operators']);

export const venueSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  municipality: z.string().min(1),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
});

/** A job day, career day, workshop... Times are stored in UTC and shown in Europe/Rome. */
export const eventSchema = documentBaseSchema
  .extend({
    kind: eventKindSchema,
    title: z.string().trim().min(3).max(200),
    slug: slugSchema,
    summary: z.string().trim().min(10).max(600),
    body: blocksSchema.nullable(),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    venue: venueSchema.nullable(),
    onlineUrl: webUrlSchema.nullable(),
    registrationUrl: webUrlSchema.nullable(),
    registrationDeadline: isoDateSchema.nullable(),
    audience: z.array(audienceSchema).nullable(),
    organiser: z.string().nullable(),
    thematicArea: thematicAreaRefSchema.nullable(),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type Event = z.infer<typeof eventSchema>;
