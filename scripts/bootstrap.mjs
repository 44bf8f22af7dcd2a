// @ts-check
/**
 * Entry point of the root scripts (`pnpm start`, `pnpm test`, `pnpm bench`, ...), and the reason
 * `npm start` / `npm test` work on a machine that has only an old Node and npm.
 *
 * This file is plain JavaScript on purpose: it must run on the system Node (possibly 20, which
 * cannot run TypeScript). It makes sure pnpm and the workspace's dependencies are installed, then
 * re-runs the task through pnpm, which puts the workspace's own Node 24 (the `node` devDependency)
 * first on PATH. The task itself (scripts/<task>.ts) then runs on Node 24 with type stripping.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const MIN_NODE = /** @type {const} */ ([22, 12]);
const TASKS = [
  'start',
  'test',
  'bench',
  'seed',
  'build-hubs',
  'serve-hubs',
  'worker',
  'nginx-config',
  'guide-screenshots',
];

const [task, ...args] = process.argv.slice(2);
if (!task || !TASKS.includes(task)) fail(`Unknown task "${task ?? ''}". Known tasks: ${TASKS.join(', ')}.`);

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/**
 * @param {string} command
 * @param {string[]} commandArgs
 * @param {NodeJS.ProcessEnv} [env]
 */
function run(command, commandArgs, env = process.env) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env });
  if (result.error) fail(`Could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

const mtime = (/** @type {string} */ file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

function needsInstall() {
  const marker = path.join(ROOT, 'node_modules', '.modules.yaml');
  if (!fs.existsSync(marker)) return true;
  const inputs = ['pnpm-lock.yaml', 'package.json', 'cms/package.json', 'sites/package.json', 'shared/package.json'];
  return inputs.some((file) => mtime(path.join(ROOT, file)) > mtime(marker));
}

/** @returns {string[]} the command that runs pnpm 10: the installed one, or npx's. */
function findPnpm() {
  if (process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath))
    return [process.execPath, process.env.npm_execpath];
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm'];
  console.log(`pnpm ${PNPM_VERSION} is not installed: using it through npx.`);
  return ['npx', '-y', `pnpm@${PNPM_VERSION}`];
}

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const modernNode = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
const underPnpm = (process.env.npm_config_user_agent ?? '').startsWith('pnpm/');

if (!modernNode || !underPnpm) {
  if (process.env.SITO_BOOTSTRAPPED === '1') {
    fail(
      `These scripts need Node >= ${MIN_NODE.join('.')}, but pnpm ran them on Node ${process.versions.node}.\n` +
        '  The workspace provides Node 24 through its `node` devDependency, whose install script must be\n' +
        '  allowed (onlyBuiltDependencies / allowBuilds in pnpm-workspace.yaml). Run `pnpm install` and\n' +
        '  check that it does not warn about ignored build scripts for "node".',
    );
  }
  const [pnpm = 'pnpm', ...pnpmArgs] = findPnpm();
  if (needsInstall()) {
    console.log('Installing dependencies (pnpm install)…');
    const code = run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile']);
    if (code !== 0) fail('pnpm install failed (see above).');
  }
  process.exit(run(pnpm, [...pnpmArgs, 'run', task, ...args], { ...process.env, SITO_BOOTSTRAPPED: '1' }));
}

// From here on: Node >= 22.12 under pnpm.
if (needsInstall()) {
  const [pnpm = 'pnpm', ...pnpmArgs] = findPnpm();
  console.log('Dependencies changed: running pnpm install…');
  if (run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile']) !== 0) fail('pnpm install failed (see above).');
}

// The shared package is compiled once (CMS, sites and scripts all import its dist/).
const sharedSrc = path.join(ROOT, 'shared', 'src');
const sharedOut = path.join(ROOT, 'shared', 'dist', 'index.js');
const newestSource = Math.max(
  ...fs.readdirSync(sharedSrc, { recursive: true }).map((name) => mtime(path.join(sharedSrc, String(name)))),
);
if (newestSource > mtime(sharedOut)) {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (run(process.execPath, [tsc, '-p', 'shared/tsconfig.json']) !== 0) fail('Compiling shared/ failed (see above).');
}

/** @type {{ main: (args: string[]) => Promise<void> }} */
const module = await import(path.join(ROOT, 'scripts', `${task}.ts`));
try {
  await module.main(args);
} catch (error) {
  // Our errors carry messages written for people; the stack only helps with unexpected ones.
  const err = /** @type {Error} */ (error);
  console.error(`\n✖ ${err.message}\n`);
  if (process.env.SITO_DEBUG) console.error(err.stack);
  process.exit(1);
}
