import fs from 'node:fs';
import path from 'node:path';
import { ADDRESS_BOOK_FILE, addressBookSchema, type AddressBook } from '@sito/shared';

/**
 * A release's permanent addresses (shared/src/publishing/addresses.ts): the build writes
 * `indirizzi.json` at the hub's root, the old addresses that now lead elsewhere and those of
 * withdrawn entries. The local hub server reads that file; nginx cannot read JSON, so the worker
 * also lays it out as files nginx can test without a reload:
 *
 *   _sito/301/<old path>  a symbolic link to the page's folder in the same release, or, for an
 *                         entry moved to another territory, in the live release of the hub that
 *                         publishes it now (<root>/<hub>/current/<path>): its real path names where
 *                         to redirect
 *   _sito/410/<path>/     an empty folder: this address was withdrawn
 */
export const MARKERS = '_sito';

const EMPTY: AddressBook = { redirects: {}, gone: [] };

/** The address book of a release folder; an empty one when it has none (a release from before). */
export function readAddressBook(dir: string): AddressBook {
  const file = path.join(dir, ADDRESS_BOOK_FILE);
  if (!fs.existsSync(file)) return EMPTY;
  const parsed = addressBookSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not a valid address book: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/**
 * Writes the `_sito/` markers of a built release from its address book (replacing any it had).
 * `dir` is a release folder where it is built or kept (`<root>/<hub>/.staging/<build>`,
 * `<root>/<hub>/releases/<release>`): both are as deep, so a link to another hub reads the same.
 */
export function writeAddressMarkers(dir: string): { redirects: number; gone: number } {
  const book = readAddressBook(dir);
  const root = path.join(dir, MARKERS);
  fs.rmSync(root, { recursive: true, force: true });
  let redirects = 0;
  for (const [from, to] of Object.entries(book.redirects)) {
    const link = path.join(root, '301', from.replace(/\/$/, ''));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    // `/<hub>/<path>/`: on another hub, whichever release of it is live when the link is read.
    const target = to.startsWith('/')
      ? path.join(dir, '..', '..', '..', to.split('/')[1]!, 'current', to.split('/').slice(2).join('/'))
      : path.join(dir, to);
    fs.symlinkSync(path.relative(path.dirname(link), target.replace(/\/$/, '')), link);
    redirects += 1;
  }
  for (const gone of book.gone) fs.mkdirSync(path.join(root, '410', gone), { recursive: true });
  return { redirects, gone: book.gone.length };
}
