import { solveChallenge, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/** A solved challenge as the ALTCHA widget puts it in a form's `altcha` field: base64 JSON. */
export const encodeProof = (challenge: Challenge, solution: Solution): string =>
  Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');

/** A challenge fetched from the CMS and solved as the widget solves it, ready for a form's `altcha` field. */
export async function solvedProof(cmsUrl: string): Promise<string> {
  const challenge = (await (await fetch(`${cmsUrl}/api/sito/submissions/challenge`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('The CMS’s challenge could not be solved.');
  return encodeProof(challenge, solution);
}
