import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitFor } from './http-support.ts';

/** `minhbach serve` in its own process on a free port, for the HTTP benches. */
export async function startApp(env: Record<string, string>): Promise<{ base: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  // The benches play many citizens from one address: the per-address search limit would cut them off.
  const app: ChildProcess = spawn(process.execPath, ['bin/minhbach.js', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'bench-password' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`);
  return {
    base,
    pid: app.pid!,
    async stop() {
      if (app.exitCode !== null) return;
      app.kill('SIGTERM');
      await new Promise((r) => app.once('exit', r));
    },
  };
}
