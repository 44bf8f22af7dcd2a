/**
 * A hub build process started ahead of time (scripts/lib/hubs.ts, `prepareBuildProcess`): it loads
 * Astro's build code, about 0.7 s of a one-entry publish, while the worker is idle or indexing the
 * previous build, then waits. The build it runs is told on its standard input, as one JSON line:
 * `{ "cwd": "...", "env": { ... } }`; it then runs exactly what `astro build --root <sites>` runs,
 * once, and exits. When its parent goes away before that (standard input closes), it just exits.
 *
 * Usage: node scripts/lib/astro-standby.ts <sites folder>
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const sites = process.argv[2];
if (!sites) throw new Error('Usage: astro-standby.ts <sites folder>');
const fromAstro = (file: string) =>
  import(pathToFileURL(path.join(sites, 'node_modules', 'astro', 'dist', file)).href) as Promise<
    Record<string, (...args: unknown[]) => Promise<void>>
  >;
// What `astro build` runs (astro/dist/cli/build/index.js) and how it reports a failure.
const [{ default: build }, { throwAndExit }] = await Promise.all([
  fromAstro('core/build/index.js'),
  fromAstro('cli/throw-and-exit.js'),
]);

const line = await new Promise<string | null>((resolve) => {
  const input = createInterface({ input: process.stdin });
  input.once('line', (text) => {
    resolve(text); // Before close(), which emits 'close' at once.
    input.close();
  });
  input.once('close', () => resolve(null));
});
if (line === null) process.exit(0);

const { cwd, env } = JSON.parse(line) as { cwd: string; env: Record<string, string> };
for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
Object.assign(process.env, env);
process.chdir(cwd);
try {
  await build!({ root: sites }, { devOutput: false });
  process.exit(0);
} catch (error) {
  await throwAndExit!('build', error);
}
