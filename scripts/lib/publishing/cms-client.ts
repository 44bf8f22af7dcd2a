import {
  claimResponseSchema,
  failResponseSchema,
  heartbeatResponseSchema,
  reconcileResponseSchema,
  recoverResponseSchema,
} from '@sito/shared';
import { signRequest } from '@sito/shared/signing';
import { z } from 'zod';

/**
 * The worker's side of the CMS's worker endpoints (cms/src/publishing/routes.ts). Every request
 * is signed with the shared secret (Standard Webhooks); every answer is checked with the shared
 * schemas, so a CMS and a worker of different versions fail loudly instead of misreading each other.
 */
export function createWorkerClient(options: { cmsUrl: string; secret: string; worker: string }) {
  const base = `${options.cmsUrl.replace(/\/$/, '')}/api/sito/worker`;

  async function post<S extends z.ZodType>(
    path: string,
    body: Record<string, unknown>,
    schema: S,
  ): Promise<z.infer<S>> {
    const payload = JSON.stringify({ worker: options.worker, ...body });
    let response: Response;
    for (let attempt = 1; ; attempt += 1) {
      try {
        response = await fetch(`${base}${path}`, {
          method: 'POST',
          // Signed at each attempt: the CMS refuses a signature it has seen (a replay).
          headers: { 'Content-Type': 'application/json', ...signRequest(options.secret, payload) },
          body: payload,
          signal: AbortSignal.timeout(30_000),
        });
        break;
      } catch (error) {
        // No answer at all: most often a kept-alive connection that the CMS closed while this
        // worker was busy (a long synchronous step delays the client's own idle timeout), or a CMS
        // restarting. Tried again; a timeout is not (the CMS may have acted on the request).
        const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
        const timedOut = (error as Error).name === 'TimeoutError';
        if (!timedOut && attempt < 3) {
          await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
          continue;
        }
        throw new Error(
          `Cannot reach the CMS for ${path} (${cause?.code ?? cause?.message ?? (error as Error).message}).`,
          { cause: error },
        );
      }
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new Error(`The CMS answered ${response.status} to ${path} with something that is not JSON.`);
    }
    if (!response.ok) {
      const message = (json as { error?: { message?: string } } | null)?.error?.message ?? text.slice(0, 300);
      throw new CmsError(response.status, `The CMS refused ${path} (${response.status}): ${message}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new Error(`The CMS's answer to ${path} is not what this worker expects: ${parsed.error.message}`);
    return parsed.data;
  }

  return {
    claim: () => post('/claim', {}, claimResponseSchema),
    heartbeat: (id: number) => post('/heartbeat', { id }, heartbeatResponseSchema),
    complete: (id: number, result: { release: string; durationMs: number; logTail: string }) =>
      post('/complete', { id, ...result }, z.object({ ok: z.literal(true) })),
    fail: (id: number, result: { error: string; logTail: string }) =>
      post('/fail', { id, ...result }, failResponseSchema),
    recover: () => post('/recover', {}, recoverResponseSchema),
    previewDone: (id: string, error: string | null) =>
      post('/preview/done', { id, error }, z.object({ ok: z.literal(true) })),
    reconcile: () => post('/reconcile', {}, reconcileResponseSchema),
  };
}

export type WorkerClient = ReturnType<typeof createWorkerClient>;

export class CmsError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}
