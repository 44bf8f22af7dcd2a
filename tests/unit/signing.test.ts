import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createVerifier, generateSigningSecret, signRequest, signingSecretProblem } from '@sito/shared/signing';
import { workerSecretSchema } from '@sito/shared';
import { notifyRelease } from '../../scripts/lib/publishing/notify.ts';

describe('signed requests (Standard Webhooks)', () => {
  const secret = generateSigningSecret();
  const body = JSON.stringify({ worker: 'w1' });

  it('generates secrets the CMS and the worker accept', () => {
    expect(signingSecretProblem(secret)).toBeNull();
    expect(workerSecretSchema.safeParse(secret).success).toBe(true);
    expect(signingSecretProblem('whsec_c2hvcnQ=')).toMatch(/24 random bytes/);
    expect(signingSecretProblem('not base64!')).toMatch(/base64/);
  });

  it('accepts a good signature once, and refuses tampering, another secret, staleness and replays', () => {
    const verify = createVerifier(secret);
    const headers = signRequest(secret, body);
    expect(verify(body, headers)).toBeNull();
    expect(verify(body, headers)).toMatch(/replayed/);
    expect(verify(JSON.stringify({ worker: 'w2' }), signRequest(secret, body))).toMatch(/bad signature/);
    expect(verify(body, signRequest(generateSigningSecret(), body))).toMatch(/bad signature/);
    expect(verify(body, signRequest(secret, body, new Date(Date.now() - 6 * 60_000)))).toMatch(/bad signature/);
    expect(verify(body, {})).toMatch(/missing signature headers/);
  });
});

describe('release notifications', () => {
  let server: http.Server | undefined;
  afterEach(() => server?.close());

  async function receiver(statuses: number[]) {
    const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(statuses[received.length - 1] ?? 200);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}/hook`, received };
  }

  it('signs the release, retries a failing target with the same message id, and the target can verify it', async () => {
    const secret = generateSigningSecret();
    const target = await receiver([503, 200]);
    const log: string[] = [];
    const delivered = await notifyRelease(
      { url: target.url, secret },
      { hub: 'crema', release: '20261126T030000Z-7', buildId: 7 },
      (m) => log.push(m),
      { baseDelayMs: 10 },
    );
    expect(delivered).toBe(true);
    expect(target.received).toHaveLength(2);
    const [first, second] = target.received;
    expect(first!.headers['webhook-id']).toBe(second!.headers['webhook-id']);
    const verify = createVerifier(secret);
    expect(verify(second!.body, second!.headers as Record<string, string>)).toBeNull();
    expect(JSON.parse(second!.body)).toMatchObject({ type: 'hub.released', data: { hub: 'crema', buildId: 7 } });
    expect(log.join('\n')).toContain('503');
  });

  it('does not retry a target that refuses the request (4xx), and gives up after the last attempt', async () => {
    const refusing = await receiver([400]);
    expect(
      await notifyRelease(
        { url: refusing.url, secret: generateSigningSecret() },
        { hub: 'a', release: 'r', buildId: 1 },
        () => {},
        { baseDelayMs: 1 },
      ),
    ).toBe(false);
    expect(refusing.received).toHaveLength(1);
    server!.close();
    const down = await receiver([500, 500, 500]);
    expect(
      await notifyRelease(
        { url: down.url, secret: generateSigningSecret() },
        { hub: 'a', release: 'r', buildId: 1 },
        () => {},
        { attempts: 3, baseDelayMs: 1 },
      ),
    ).toBe(false);
    expect(down.received).toHaveLength(3);
  });
});
