import { signRequest } from '@sito/shared/signing';

export interface NotifyTarget {
  url: string;
  secret: string;
}

/**
 * Tells an external deploy target that a hub has a new release: a JSON POST signed the Standard
 * Webhooks way (HMAC-SHA256 over id, timestamp and body; `webhook-*` headers), retried with
 * exponential backoff when the target is down or answers 5xx/429. The same message id is kept
 * across retries, so the receiver can drop duplicates. Returns whether it was delivered.
 */
export async function notifyRelease(
  target: NotifyTarget,
  release: { hub: string; release: string; buildId: number },
  log: (message: string) => void,
  options: { attempts?: number; baseDelayMs?: number } = {},
): Promise<boolean> {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const body = JSON.stringify({ type: 'hub.released', timestamp: new Date().toISOString(), data: release });
  const id = `msg_release_${release.hub}_${release.release}`;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      // A fresh timestamp (and so signature) for each try: receivers refuse stale ones.
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...signRequest(target.secret, body, new Date(), id) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return true;
      if (response.status < 500 && response.status !== 429) {
        log(`notification to ${target.url} refused (${response.status}): not retried`);
        return false;
      }
      log(`notification to ${target.url} answered ${response.status} (attempt ${attempt} of ${attempts})`);
    } catch (error) {
      log(`notification to ${target.url} failed: ${(error as Error).message} (attempt ${attempt} of ${attempts})`);
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
  }
  return false;
}
