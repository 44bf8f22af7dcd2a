import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

/**
 * Children are started in their own process group and stopped as a group: pnpm's and npm's
 * launchers do not exec, so killing only the direct child would leave the real server running.
 */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(command, args, { ...options, detached: true });
}

export async function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to completion, streaming or capturing its output; rejects with the tail on failure. */
export async function run(
  command: string,
  args: string[],
  options: SpawnOptions & { label: string; quiet?: boolean; signal?: AbortSignal },
): Promise<{ ms: number; peakRssKb: number; output: string }> {
  const { signal, ...spawnOptions } = options;
  signal?.throwIfAborted();
  const child = spawnGroup(command, args, {
    ...spawnOptions,
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  return supervise(child, options);
}

/**
 * Waits for a started process (its own group) to end, as `run` does: captures the end of its
 * output (piped), its peak memory, stops it when `signal` aborts, and rejects with the tail on a
 * failure. `run` starts the process; a build process started ahead of time comes here directly.
 */
export async function supervise(
  child: ChildProcess,
  options: { label: string; signal?: AbortSignal },
): Promise<{ ms: number; peakRssKb: number; output: string }> {
  const started = performance.now();
  const { signal } = options;
  const onAbort = () => void stopGroup(child);
  signal?.addEventListener('abort', onAbort, { once: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const peak = watchPeakRss(child.pid!);
  const onSignal = () => void stopGroup(child);
  process.once('SIGINT', onSignal);
  const code = await new Promise<number | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
  );
  process.off('SIGINT', onSignal);
  signal?.removeEventListener('abort', onAbort);
  const peakRssKb = peak.stop();
  if (signal?.aborted) throw new Error(`${options.label} was stopped: ${String(signal.reason ?? 'aborted')}.`);
  if (code !== 0) {
    throw new Error(
      `${options.label} failed (exit ${code}).${output ? `\n--- last output ---\n${output.slice(-4_000)}` : ''}`,
    );
  }
  return { ms: performance.now() - started, peakRssKb, output };
}

/**
 * Samples the resident memory of a process and all its descendants (Linux /proc), keeping the
 * peak of their sum: a build's memory is its workers' memory too.
 */
export function watchPeakRss(rootPid: number, everyMs = 100): { stop(): number } {
  let peak = 0;
  const sample = () => {
    const pids = descendants(rootPid);
    let total = 0;
    for (const pid of pids) {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      } catch {
        // The process ended between listing and reading.
      }
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * The fields of /proc/<pid>/stat after the command name (Linux), from the state on: `[state, ppid,
 * ...]`; null when the process is gone or there is no /proc.
 */
export function procStat(pid: number | string): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function descendants(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(name);
    if (!stat) continue; // Gone already.
    const ppid = Number(stat[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const all = [rootPid];
  for (let i = 0; i < all.length; i += 1) all.push(...(children.get(all[i]!) ?? []));
  return all;
}
