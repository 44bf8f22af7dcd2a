import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { stopGroup } from '../../scripts/lib/processes.ts';
import { spawnWorker } from '../../scripts/lib/publishing/spawn-worker.ts';
import { liveRelease } from '../../scripts/lib/publishing/releases.ts';
import type { TestCms } from './test-cms.ts';
export { hubBuilds } from '../../scripts/lib/admin-client.ts';

/** A real build worker process (`pnpm worker`), as `pnpm start` runs it. */
export interface TestWorker {
  id: string;
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
  /** SIGKILL to the worker's whole process group: a crash of its machine or container. */
  kill(): Promise<void>;
}

export function startWorker(
  cms: TestCms,
  releasesDir: string,
  id: string,
  env: Record<string, string> = {},
): TestWorker {
  const logFile = path.join(cms.dir, `worker-${id}.log`);
  const child = spawnWorker({
    cmsUrl: cms.url,
    secret: cms.env.SITO_WORKER_SECRET!,
    id,
    tokenFile: cms.tokenFile,
    releasesDir,
    logFile,
    env: { SITO_POLL_MS: '200', ...env },
  });
  let expected = false;
  child.once('exit', (code, signal) => {
    if (!expected)
      console.error(`worker ${id} exited (${code ?? signal}):\n${fs.readFileSync(logFile, 'utf8').slice(-3_000)}`);
  });
  return {
    id,
    child,
    log: () => fs.readFileSync(logFile, 'utf8'),
    stop: () => {
      expected = true;
      return stopGroup(child);
    },
    async kill() {
      expected = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 90_000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/**
 * A GET through a real HTTP connection, with an optional Host header (fetch cannot set one). Over
 * https it accepts any certificate: the tests' are self-signed.
 */
export function get(
  origin: string,
  pathname: string,
  host?: string,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const options = { headers: host ? { Host: host } : {} };
    const url = `${origin}${pathname}`;
    const send = (callback: (response: http.IncomingMessage) => void) =>
      url.startsWith('https:')
        ? https.get(url, { ...options, rejectUnauthorized: false, servername: host }, callback)
        : http.get(url, options, callback);
    const request = send((response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
  });
}

export const live = (releasesDir: string, hub: string) => liveRelease(releasesDir, hub)?.name ?? null;
