import { startAppProcess } from '../test/support/app-process.ts';
import { freePort } from './http-support.ts';

/** `minhbach serve` in its own process on a free port, for the HTTP benches (the tests' harness). */
export async function startApp(env: Record<string, string>): Promise<{ base: string; pid: number; stop(): Promise<void> }> {
  const app = startAppProcess(await freePort(), { SEED_DEMO: 'false', ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'bench-password', ...env });
  await app.ready(60_000);
  return { base: app.url, pid: app.pid, stop: () => app.stop() };
}
