import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCmsBuilt } from './lib/cms.ts';
import { ROOT, STATE_DIR } from './lib/paths.ts';
import { spawnGroup } from './lib/processes.ts';

/**
 * Debian packages the tests drive for real: Chromium (Playwright cannot download a browser here)
 * and nginx (the generated production configuration is served by it).
 */
function ensurePackages(): void {
  const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const missing = [
    ...(chromium.some((candidate) => fs.existsSync(candidate)) ? [] : ['chromium']),
    ...(fs.existsSync('/usr/sbin/nginx') ? [] : ['nginx']),
  ];
  if (missing.length === 0) return;
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt) {
    throw new Error(
      `The tests need ${missing.join(' and ')}: run \`apt-get install -y ${missing.join(' ')}\` (or set CHROMIUM_PATH), then run the tests again.`,
    );
  }
  console.log(`Installing ${missing.join(' and ')} with apt-get (about 30 s)…`);
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...missing],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0)
      throw new Error(
        `apt-get ${args.join(' ')} failed: install ${missing.join(' and ')} by hand, then run the tests again.`,
      );
  }
}

/**
 * `pnpm test`: unit, integration and end-to-end tests with vitest. Integration tests run on SQLite,
 * and on PostgreSQL too when TEST_DATABASE_URL is set. Ends with a plain "N passed, N failed" line.
 */
export async function main(args: string[]): Promise<void> {
  ensurePackages();
  // The admin panel too: tests/e2e/admin.test.ts drives it in a browser.
  await ensureCmsBuilt({ admin: true });
  const databases = process.env.TEST_DATABASE_URL
    ? 'SQLite and PostgreSQL'
    : 'SQLite only (set TEST_DATABASE_URL to add PostgreSQL)';
  console.log(`Integration tests will run on ${databases}.`);

  fs.mkdirSync(STATE_DIR, { recursive: true });
  const resultsFile = path.join(STATE_DIR, 'test-results.json');
  fs.rmSync(resultsFile, { force: true });
  const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const child = spawnGroup(
    process.execPath,
    [vitest, 'run', '--reporter=verbose', '--reporter=json', `--outputFile.json=${resultsFile}`, ...args],
    { cwd: ROOT, stdio: 'inherit' },
  );
  process.on('SIGINT', () => child.pid && process.kill(-child.pid, 'SIGINT'));
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));

  if (!fs.existsSync(resultsFile)) throw new Error(`vitest exited with ${code} and wrote no results.`);
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(
    `\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  if (code !== 0 || results.numFailedTests > 0) process.exit(code || 1);
}
