import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AppProcess {
  url: string;
  pid: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once /healthz answers 200; rejects when the process exits first. */
  ready(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** A real `minhbach serve` process on 127.0.0.1:`port` with `env` on top of a quiet base. */
export function startAppProcess(port: number, env: Record<string, string>): AppProcess {
  let out = '';
  let exited: number | null = null;
  const child: ChildProcess = spawn(process.execPath, ['bin/minhbach.js', 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<void>((resolve) => child.on('exit', (code) => ((exited = code ?? -1), resolve())));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid!,
    output: () => out,
    async ready(timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (exited !== null) throw new Error(`app on ${port} exited with ${exited}:\n${out}`);
        const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
        if (ok) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`app on ${port} not ready after ${timeoutMs} ms:\n${out}`);
    },
    async stop() {
      if (exited === null) child.kill('SIGTERM');
      await exit;
    },
  };
}
