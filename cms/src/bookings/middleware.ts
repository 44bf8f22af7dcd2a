import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { bookingMessage } from '@sito/shared';
import { checkedWrite } from '../lib/checked-write';
import { holdSlot } from './slots';

export const BOOKING = 'api::booking.booking';
const WRITES = new Set(['create', 'update', 'delete']);

/**
 * Every write of a booking, whoever makes it (the hub's form, an operator moving it to another time
 * or cancelling it, a script), updates the slot it holds in the same transaction, from what was
 * stored: a live booking holds its slot, a cancelled or deleted one frees it. When the slot is
 * someone else's the write is rolled back with a message naming the field.
 */
export function bookingSlots(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== BOOKING || !WRITES.has(ctx.action)) return next();
    return checkedWrite(strapi, ctx, next, async () => {
      if (ctx.action === 'update') await keepLength(strapi, ctx.params as UpdateParams);
      return async (documentId) => {
        const stored = (await strapi.db.query(BOOKING).findOne({
          where: { documentId },
          select: ['state', 'startsAt', 'endsAt', 'contactPoint'],
          populate: { territory: { select: ['documentId'] } },
        })) as {
          state: string;
          startsAt: string;
          endsAt: string;
          contactPoint: string;
          territory: { documentId: string } | null;
        } | null;
        const live = stored && stored.state !== 'cancelled' && stored.territory;
        const held = await holdSlot(
          strapi,
          documentId,
          live
            ? {
                territory: stored.territory!.documentId,
                point: stored.contactPoint,
                startsAt: new Date(stored.startsAt).toISOString(),
              }
            : null,
        );
        if (stored && Date.parse(stored.endsAt) <= Date.parse(stored.startsAt))
          throw new errors.ValidationError('endsAt: l’ora di fine deve venire dopo l’inizio.', {
            errors: [
              { path: ['endsAt'], message: 'L’ora di fine deve venire dopo l’inizio.', name: 'ValidationError' },
            ],
          });
        if (!held)
          throw new errors.ValidationError(`startsAt: ${bookingMessage('it', 'taken')}`, {
            errors: [{ path: ['startsAt'], message: bookingMessage('it', 'taken'), name: 'ValidationError' }],
          });
      };
    });
  };
}

type UpdateParams = { documentId?: string; data?: Record<string, unknown> };

/**
 * Moving an appointment keeps its length: when the start changes and the end is not given, or is
 * sent unchanged (as the admin's form sends every field), the end moves with the start.
 */
async function keepLength(strapi: Core.Strapi, params: UpdateParams): Promise<void> {
  const data = params.data;
  if (!params.documentId || !data || typeof data.startsAt !== 'string') return;
  const start = Date.parse(data.startsAt);
  if (Number.isNaN(start)) return;
  const stored = (await strapi.db.query(BOOKING).findOne({
    where: { documentId: params.documentId },
    select: ['startsAt', 'endsAt'],
  })) as { startsAt: string | Date; endsAt: string | Date } | null;
  if (!stored) return;
  const [from, to] = [new Date(stored.startsAt).getTime(), new Date(stored.endsAt).getTime()];
  const endKept =
    data.endsAt === undefined ||
    data.endsAt === null ||
    (typeof data.endsAt === 'string' && Date.parse(data.endsAt) === to);
  if (start !== from && endKept) data.endsAt = new Date(start + (to - from)).toISOString();
}
