import fs from 'node:fs';
import path from 'node:path';
import { releaseHubSchema, type ReleaseHub } from '@sito/shared';
import { writeAddressMarkers } from './addresses.ts';
import { previewFailedPage } from './pages.ts';

/**
 * Atomic deploys on the file system. Each hub has a folder:
 *
 *   <root>/<hub>/hub.json                 the hub's name and hostname (for Host routing and nginx)
 *   <root>/<hub>/releases/<release>/      complete builds, newest last by name
 *   <root>/<hub>/current -> releases/<r>  the live one: a symlink replaced by one rename(2)
 *   <root>/<hub>/.staging/<build>/        builds in progress, never served
 *   <root>/<hub>/withdrawn -> releases/<r> the last live release of a withdrawn hub: kept, not served
 *   <root>/<hub>/gone.html                 a withdrawn hub's page (served with 410)
 *   <root>/<hub>/moved -> ../<other hub>   a withdrawn hub whose addresses lead to another (301)
 *
 * Inside a release, `_sito/` holds what the servers read besides the pages (addresses.ts):
 * `_sito/301/<old path>` links to the page an old address now leads to, `_sito/410/<path>/` marks a
 * withdrawn entry's address.
 *
 * A release goes live only once it is complete, in one atomic step; a failed or killed build
 * leaves `current` untouched.
 */
const CURRENT = 'current';

export const hubFolder = (root: string, hub: string) => path.join(root, hub);
export const stagingFolder = (root: string, hub: string, name: string) => path.join(root, hub, '.staging', name);

/** A sortable, unique release name: UTC time and the build that made it. */
export function releaseName(buildId: number | string, now = new Date()): string {
  return `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${buildId}`;
}

/** Moves a finished build into releases/ and points `current` at it atomically. */
export function deployRelease(root: string, hub: ReleaseHub, staging: string, release: string): string {
  const folder = hubFolder(root, hub.slug);
  const target = path.join(folder, 'releases', release);
  if (!fs.existsSync(path.join(staging, 'index.html')))
    throw new Error(`Refusing to deploy ${staging}: it has no index.html (incomplete build).`);
  // What nginx reads of the hub's permanent addresses (301, 410), laid out as files.
  writeAddressMarkers(staging);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(staging, target);
  if (fs.existsSync(`${staging}.report.json`)) fs.renameSync(`${staging}.report.json`, `${target}.report.json`);
  writeHubInfo(root, hub);
  replaceLink(path.join(folder, CURRENT), path.join('releases', release));
  // Live again (a territory published anew, an antenna become a hub): no longer withdrawn.
  for (const marker of [GONE_PAGE, MOVED, WITHDRAWN]) fs.rmSync(path.join(folder, marker), { force: true });
  return target;
}

/** Points a symbolic link at `target` in one rename(2): readers see the old or the new, never none. */
function replaceLink(link: string, target: string): void {
  const next = `${link}.next-${process.pid}`;
  fs.rmSync(next, { force: true });
  fs.symlinkSync(target, next);
  fs.renameSync(next, link);
}

const GONE_PAGE = 'gone.html';
const MOVED = 'moved';
const WITHDRAWN = 'withdrawn';

/** A withdrawn hub's state: its addresses lead to another hub, or answer 410 with its page. */
export type Withdrawal = { movedTo: string } | { page: string };

/**
 * Withdraws a hub's site: it stops being served (its releases are kept, the last live one as
 * `withdrawn`), and its addresses answer 301 to the same path on `movedTo`, or 410 with `page`.
 */
export function withdrawHub(root: string, slug: string, withdrawal: Withdrawal): void {
  const folder = hubFolder(root, slug);
  fs.mkdirSync(folder, { recursive: true });
  if ('movedTo' in withdrawal) {
    replaceLink(path.join(folder, MOVED), path.join('..', withdrawal.movedTo));
    fs.rmSync(path.join(folder, GONE_PAGE), { force: true });
  } else {
    const file = path.join(folder, GONE_PAGE);
    fs.writeFileSync(`${file}.${process.pid}.tmp`, withdrawal.page);
    fs.renameSync(`${file}.${process.pid}.tmp`, file);
    fs.rmSync(path.join(folder, MOVED), { force: true });
  }
  const current = path.join(folder, CURRENT);
  try {
    fs.renameSync(current, path.join(folder, WITHDRAWN));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** What a hub folder serves when it has no live release: a move, a withdrawal page, or nothing. */
export function withdrawnState(root: string, slug: string): { movedTo: string } | { goneFile: string } | null {
  const folder = hubFolder(root, slug);
  try {
    const target = fs.readlinkSync(path.join(folder, MOVED));
    return { movedTo: path.basename(target) };
  } catch {
    // Not moved.
  }
  const gone = path.join(folder, GONE_PAGE);
  return fs.existsSync(gone) ? { goneFile: gone } : null;
}

export function writeHubInfo(root: string, hub: ReleaseHub): void {
  const file = path.join(hubFolder(root, hub.slug), 'hub.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(hub, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** The live release of a hub, or null when it was never deployed. */
export function liveRelease(root: string, hub: string): { name: string; dir: string } | null {
  const link = path.join(hubFolder(root, hub), CURRENT);
  try {
    const dir = fs.realpathSync(link);
    return { name: path.basename(dir), dir };
  } catch {
    return null;
  }
}

/** The second release of a build, with its search index (see worker.ts). */
export const SEARCH_SUFFIX = '-ricerca';
/** The build a release belongs to: its name without the search suffix. */
const buildOf = (release: string) =>
  release.endsWith(SEARCH_SUFFIX) ? release.slice(0, -SEARCH_SUFFIX.length) : release;

/**
 * Removes all but the newest `keep` builds' releases (never the live one). A build whose search
 * index came in a second release (`<release>-ricerca`) counts once, and its first release goes once
 * a newer build is live: not at once, since a request may still be reading it.
 */
export function pruneReleases(root: string, hub: string, keep: number): string[] {
  const dir = path.join(hubFolder(root, hub), 'releases');
  if (!fs.existsSync(dir)) return [];
  const live = liveRelease(root, hub)?.name;
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const builds = [...new Set(names.map(buildOf))];
  const old = new Set(builds.slice(0, Math.max(0, builds.length - keep)));
  const newest = builds.at(-1);
  const removed = names.filter((name) => {
    if (name === live) return false;
    const build = buildOf(name);
    if (old.has(build)) return true;
    // The first half of an older build that has its second.
    return build === name && build !== newest && names.includes(`${name}${SEARCH_SUFFIX}`);
  });
  for (const name of removed) {
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    fs.rmSync(path.join(dir, `${name}.report.json`), { force: true });
  }
  return removed;
}

/** Removes staging folders a killed build left behind (only when no build of the hub runs here). */
export function clearStaging(root: string, hub: string): void {
  fs.rmSync(path.join(hubFolder(root, hub), '.staging'), { recursive: true, force: true });
}

/** The hubs deployed under `root`, with what hub.json says about them. */
export function deployedHubs(root: string): ReleaseHub[] {
  if (!fs.existsSync(root)) return [];
  const hubs: ReleaseHub[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = path.join(root, entry.name, 'hub.json');
    if (!fs.existsSync(file)) continue;
    const parsed = releaseHubSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success && parsed.data.slug === entry.name) hubs.push(parsed.data);
  }
  return hubs.sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * Draft previews (cms/src/publishing/previews.ts), beside the hubs but never among their releases:
 *
 *   <root>/.previews/<id>/        a preview build, served only at /_anteprima/<id>/<hub>/
 *   <root>/.previews/<id>.html    why it failed, when it did
 */
export const previewsFolder = (root: string) => path.join(root, '.previews');
export const previewFolder = (root: string, id: string) => path.join(previewsFolder(root), id);
export const previewFailureFile = (root: string, id: string) => `${previewFolder(root, id)}.html`;

export function writePreviewFailure(root: string, id: string, error: string): void {
  const file = previewFailureFile(root, id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, previewFailedPage(error));
  fs.renameSync(`${file}.tmp`, file);
}

/** Removes previews older than `maxAgeMs`: a preview link is for the editing session, not to keep. */
export function prunePreviews(root: string, maxAgeMs: number, now = Date.now()): number {
  const dir = previewsFolder(root);
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (now - fs.statSync(file).mtimeMs < maxAgeMs) continue;
    fs.rmSync(file, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
