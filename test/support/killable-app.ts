import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
// Unlike app-process.ts (start, wait, stop), this one is killed with SIGKILL and restarted on the same data.
const BIN = resolve(ROOT, 'bin/minhbach.js');

/**
 * The real server (`node bin/minhbach.js serve`) as a child process, for tests that kill it:
 * `start()` waits for /healthz, `kill9()` sends SIGKILL and waits for the exit, `start()` again
 * restarts it on the same database. stderr is kept (last 8 kB) to explain a failed start.
 */
export function appProcess(env: Record<string, string>, opts: { startTimeoutMs?: number } = {}) {
  const port = Number(env.PORT);
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let stderr = '';

  async function start(): Promise<void> {
    if (child) throw new Error('already running');
    stderr = '';
    const proc = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    proc.stderr!.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-8192)));
    const exited = new Promise<never>((_, reject) => proc.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before answering:\n${stderr}`))));
    exited.catch(() => {});
    const deadline = Date.now() + (opts.startTimeoutMs ?? 120_000);
    while (Date.now() < deadline) {
      const ok = await Promise.race([fetch(`${url}/healthz`).then((r) => r.ok, () => false), exited]);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not answer within the start timeout:\n${stderr}`);
  }

  /** SIGKILL: no shutdown hook runs, an open transaction is cut where it stands. */
  async function kill9(): Promise<void> {
    const proc = child;
    if (!proc) return;
    child = undefined;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await gone;
  }

  return { url, port, start, kill9, get pid() { return child?.pid; }, get stderr() { return stderr; } };
}

export type AppProcess = ReturnType<typeof appProcess>;

/** Runs a CLI command of the app (`minhbach user add …`) against the same environment. */
export function runCli(env: Record<string, string>, args: string[]): Promise<string> {
  return new Promise((res, rej) => {
    const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
    proc.once('exit', (code) => (code === 0 ? res(out) : rej(new Error(`minhbach ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/** A signed-in user over real HTTP: the session cookie and the CSRF header on writes. */
export async function httpSession(baseUrl: string, email: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('mb_session='))!;
  const { user } = (await res.json()) as { user: { csrfToken: string; agency: { id: string } } };
  /** A request; the base URL can change (a restarted server keeps the session: it lives in the database). */
  async function call<T = any>(method: string, path: string, body?: unknown, base = baseUrl): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { cookie, origin: base };
    if (method !== 'GET') headers['x-csrf-token'] = user.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: the text itself
    }
    return { status: r.status, body: parsed as T };
  }
  return { call, agencyId: user.agency.id };
}

export type HttpSession = Awaited<ReturnType<typeof httpSession>>;
