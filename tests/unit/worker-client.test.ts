import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerClient } from '../../scripts/lib/publishing/cms-client.ts';

const SECRET = `whsec_${Buffer.from('a-worker-secret-of-enough-bytes').toString('base64')}`;

/** A server that drops the first `drops` connections without answering, then answers heartbeats. */
async function flakyServer(drops: number) {
  const seen: Array<string | undefined> = [];
  const server = http.createServer((request, response) => {
    seen.push(request.headers['webhook-id'] as string | undefined);
    if (seen.length <= drops) {
      request.socket.destroy();
      return;
    }
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify({ keep: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("the worker's CMS client", () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  it('tries a request again, signed anew, when the connection drops without an answer', async () => {
    const { server, seen, url } = await flakyServer(2);
    close = () => server.close();
    const client = createWorkerClient({ cmsUrl: url, secret: SECRET, worker: 'w1' });
    await expect(client.heartbeat(7)).resolves.toEqual({ keep: true });
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size, 'a new message id each time: the CMS refuses replays').toBe(3);
  });

  it('says which request could not reach the CMS, and why, after three tries', async () => {
    const { server, seen, url } = await flakyServer(10);
    close = () => server.close();
    const client = createWorkerClient({ cmsUrl: url, secret: SECRET, worker: 'w1' });
    await expect(client.heartbeat(7)).rejects.toThrow(/^Cannot reach the CMS for \/heartbeat \(.+\)\.$/);
    expect(seen).toHaveLength(3);
  });
});
