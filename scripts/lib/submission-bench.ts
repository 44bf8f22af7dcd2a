import { createChallenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { altchaSigningKey } from '@sito/shared/signing';
import { encodeProof } from './altcha-proof.ts';
import { queryStored } from '../../tests/helpers/stored-state.ts';
import { constantRate, type LoadResult } from './load.ts';
import type { TempDatabase } from './temp-database.ts';

/** What `pnpm bench` measures of «Fai una domanda»'s endpoint. */
export interface SubmissionFigures extends LoadResult {
  /** Answered 201. */
  accepted: number;
  /** Questions stored with the run's texts. */
  stored: number;
  /** Accepted but not stored: lost. */
  lost: number;
  /** Stored more than once. */
  duplicated: number;
  /** Stored although the client saw an error (it gave up waiting): not lost, but not confirmed. */
  storedUnconfirmed: number;
  /** Every accepted question stored exactly once. */
  exactlyOnce: boolean;
}

/** The CMS environment the run needs: its limits would otherwise refuse all but the first 100. */
export const SUBMISSION_BENCH_ENV = { SITO_SUBMISSIONS_PER_TERRITORY: '1000000' };

/**
 * Valid proofs made as the CMS makes its challenges (signed with the key derived from its admin
 * secret), with the counter known: the bench does not spend its CPU solving them, the CMS verifies
 * each one as any other (signature, solution, expiry, single use).
 */
async function proofs(count: number, adminSecret: string): Promise<string[]> {
  const key = altchaSigningKey(adminSecret);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const counter = 1_000 + i;
    const challenge = await createChallenge({
      algorithm: 'SHA-256',
      cost: 10,
      counter,
      deriveKey,
      expiresAt: new Date(Date.now() + 10 * 60_000),
      hmacSignatureSecret: key,
    });
    const solution = await solveChallenge({ challenge, deriveKey, counterStart: counter });
    if (!solution) throw new Error('A bench proof could not be made.');
    out.push(encodeProof(challenge, solution));
  }
  return out;
}

/**
 * Questions posted to the CMS at a constant rate, each with its own valid proof and its own client
 * address (X-Forwarded-For, believed from the loopback as from the hub server), then counted in the
 * database: every 201 must be one stored question, once.
 */
export async function benchSubmissions(options: {
  cmsUrl: string;
  hub: string;
  adminSecret: string;
  database: TempDatabase;
  rps: number;
  seconds: number;
}): Promise<SubmissionFigures> {
  const { cmsUrl, hub, rps, seconds } = options;
  const run = Date.now().toString(36);
  const payloads = await proofs(Math.round(rps * seconds), options.adminSecret);
  const text = (i: number) => `Domanda di prova ${run}-${i}: come si prepara un colloquio di lavoro?`;
  const ok = new Set<number>();
  const load = await constantRate({
    onResult: (i, answered) => {
      if (answered) ok.add(i);
    },
    url: () => `${cmsUrl}/api/sito/submissions/questions`,
    init: (i) => ({
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      },
      body: JSON.stringify({
        hub,
        question: text(i),
        consent: true,
        ...(i % 2 ? { email: `bench.${i}@example.org` } : {}),
        altcha: payloads[i],
      }),
    }),
    rps,
    seconds,
  });
  const rows = await queryStored<{ question: string; n: number | string }>(
    { database: options.database },
    `SELECT question, count(*) AS n FROM questions WHERE question LIKE 'Domanda di prova ${run}-%' GROUP BY question`,
  );
  const storedIndexes = new Map(rows.map((row) => [Number(/-(\d+):/.exec(row.question)?.[1]), Number(row.n)]));
  const accepted = ok.size;
  const lost = [...ok].filter((i) => !storedIndexes.has(i)).length;
  const duplicated = [...storedIndexes.values()].filter((n) => n > 1).length;
  const storedUnconfirmed = [...storedIndexes.keys()].filter((i) => !ok.has(i)).length;
  const stored = [...storedIndexes.values()].reduce((sum, n) => sum + n, 0);
  return {
    ...load,
    accepted,
    stored,
    lost,
    duplicated,
    storedUnconfirmed,
    exactlyOnce: lost === 0 && duplicated === 0,
  };
}
