import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { get, waitFor } from './publishing.ts';

const NGINX = '/usr/sbin/nginx';

export interface RunningNginx {
  stop(): void;
}

/**
 * Starts Debian's nginx on a generated configuration (scripts/lib/publishing/nginx.ts), in its own
 * folder `dir`; fails, with nginx's words, if `nginx -t` does not accept it. `ready` is the origin
 * it answers on once started.
 */
export async function startNginx(dir: string, config: string, ready: string): Promise<RunningNginx> {
  fs.writeFileSync(path.join(dir, 'sito.conf'), config);
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  include ${dir}/sito.conf;
}
`,
  );
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  expect(check.status, `nginx -t:\n${check.stderr}`).toBe(0);
  const nginx: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: 'inherit',
  });
  const stop = () => nginx.kill('SIGQUIT');
  await waitFor('nginx listening', async () => (await get(ready, '/')).status > 0, 15_000).catch((error) => {
    stop();
    throw error;
  });
  return { stop };
}
