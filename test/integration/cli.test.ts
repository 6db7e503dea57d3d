import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/modules/org/seed-data.ts';

/**
 * The command line, as an operator runs it: real processes of `node bin/minhbach.js`, each
 * with a fresh DATA_DIR. Starting a process costs seconds, so independent commands run in
 * parallel and one server is shared.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'minhbach.js');
const NEW_USER = 'canbo.moi@bdt-bacgiang.example';
const NEW_PASSWORD = 'MatKhauMoi-2024';

/** The environment without any of the app's own variables, so the host's settings do not leak in. */
const baseEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !(CONFIG_VARIABLES.map((v) => v[0]) as string[]).includes(k) && k !== 'NODE_OPTIONS'),
);

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): Promise<Result> {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function cli(args: string[], env: Record<string, string>): Promise<Result> {
  return collect(spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mb-cli-'));
  dirs.push(d);
  return d;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Server {
  url: string;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts `minhbach serve` and resolves once it says it is running. */
async function serve(dataDir: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: { ...baseEnv, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 90_000);
    const check = () => {
      if (out.includes('Minh Bạch đang chạy')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function login(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = /mb_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  const body = (await res.json()) as { user?: { csrfToken: string } };
  return { status: res.status, cookie, csrf: body.user?.csrfToken };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs at most `n` of the given tasks at a time: more processes than cores only thrash. */
function limited(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

// Each process loads the whole app through tsx (seconds of CPU), so allow time on a busy machine.
describe('minhbach command line', { timeout: 120_000 }, () => {
  /** Commands that need no shared state run in the background, alongside the main story below. */
  let basics: Promise<Record<string, Result>>;
  beforeAll(() => {
    const fresh = tempDir();
    const junk = join(tempDir(), 'khong-phai-minhbach.db');
    const other = new SQLite(junk);
    other.exec('create table notes (id integer primary key, text text)');
    other.close();
    const run = limited(2);
    const named: [string, () => Promise<Result>][] = [
      ['help', () => cli(['--help'], { DATA_DIR: tempDir() })],
      ['unknown', () => cli(['frobnicate'], { DATA_DIR: tempDir() })],
      ['badPort', () => cli(['migrate'], { DATA_DIR: tempDir(), PORT: 'abc' })],
      ['pgBackup', () => cli(['backup', 'x.dump'], { DATA_DIR: tempDir(), DATABASE_URL: 'postgres://mb:SieuBiMat@db.example:5432/minhbach' })],
      ['restoreJunk', () => cli(['restore', junk], { DATA_DIR: tempDir() })],
      ['migrate', async () => {
        const first = await cli(['migrate'], { DATA_DIR: fresh });
        const second = await cli(['migrate'], { DATA_DIR: fresh });
        return { code: first.code, stdout: `${first.stdout}\n---\n${second.stdout}`, stderr: `${first.stderr}${second.stderr}|${second.code}` };
      }],
      ['npx', () => collect(spawn('npx', ['minhbach', '--help'], { cwd: ROOT, env: { ...baseEnv, DATA_DIR: tempDir() }, stdio: ['ignore', 'pipe', 'pipe'] }))],
    ];
    basics = Promise.all(named.map(([k, f]) => run(async () => [k, await f()] as const))).then(Object.fromEntries);
    basics.catch(() => {});
  });

  describe('usage and configuration errors', () => {
    it('--help exits 0 and lists the commands', async () => {
      const { help } = await basics;
      expect(help!.code).toBe(0);
      for (const c of ['serve', 'migrate', 'seed', 'user list', 'user add', 'user set-password', 'backup <tệp>', 'restore <tệp>']) expect(help!.stdout).toContain(c);
      expect(help!.stdout).toContain('PORT, HOST, DATA_DIR, DATABASE_URL');
    });

    it('an unknown command exits 2 with a clear message', async () => {
      const { unknown } = await basics;
      expect(unknown!.code).toBe(2);
      expect(unknown!.stderr).toContain('Không có lệnh "frobnicate". Xem minhbach --help.');
      expect(unknown!.stderr).not.toMatch(/^\s+at /m);
    });

    it('bad configuration exits 2 naming the variable, without a stack trace', async () => {
      const { badPort } = await basics;
      expect(badPort!.code).toBe(2);
      expect(badPort!.stderr).toContain('Cấu hình không hợp lệ');
      expect(badPort!.stderr).toContain('PORT phải là số từ 0 đến 65535, nhận "abc"');
      expect(badPort!.stderr).not.toMatch(/^\s+at /m);
    });

    it('backup on an unreachable PostgreSQL reports pg_dump\'s error (password never shown) and exits 1', async () => {
      const { pgBackup } = await basics;
      expect(pgBackup!.code).toBe(1);
      expect(pgBackup!.stderr).toContain('pg_dump báo lỗi');
      expect(pgBackup!.stdout + pgBackup!.stderr).not.toContain('SieuBiMat');
    });

    it('restore refuses a SQLite file that is not a Minh Bạch backup', async () => {
      const { restoreJunk } = await basics;
      expect(restoreJunk!.code).toBe(1);
      expect(restoreJunk!.stderr).toContain('Tệp này không phải bản sao lưu của Minh Bạch.');
    });

    it('migrate on a fresh directory applies 0001-foundation, then says it is up to date', async () => {
      const { migrate } = await basics;
      expect(migrate!.code).toBe(0);
      const [first, second] = migrate!.stdout.split('\n---\n');
      expect(first).toMatch(/^Đã áp dụng: 0001-foundation\b/);
      expect(second).toContain('Cơ sở dữ liệu đã ở phiên bản mới nhất.');
      expect(migrate!.stderr).toBe('|0');
    });

    it('npx minhbach --help works from the repository root', async () => {
      const { npx } = await basics;
      expect(npx!.code).toBe(0);
      expect(npx!.stdout).toContain('Cách dùng: minhbach <lệnh>');
    });
  });

  describe('accounts, server, backup and restore on one data directory', () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir };
    const backupFile = join(tempDir(), 'sao-luu.db');
    let server: Server | undefined;
    let adminPassword = '';

    afterAll(async () => {
      await server?.stop();
    });

    it('seed loads the agency and demo accounts; user add creates a coordinator; user list shows both', async () => {
      const seed = await cli(['seed'], env);
      expect(seed.code, seed.stderr).toBe(0);
      expect(seed.stdout).toContain('Đã nạp cơ quan: Ban Dân tộc tỉnh Bắc Giang.');
      expect(seed.stdout).toContain(`quantri@demo.minhbach.example  /  ${DEMO_PASSWORD}`);

      const add = await cli(['user', 'add', '--email', NEW_USER.toUpperCase(), '--name', '  Nguyễn  Văn Mới ', '--role', 'coordinator', '--unit', 'HC-TH'], env);
      expect(add.code, add.stderr).toBe(0);
      expect(add.stdout).toMatch(new RegExp(`Đã tạo tài khoản ${NEW_USER.replace(/\./g, '\\.')}\\. Mật khẩu: [A-Za-z0-9]{16}`));

      const list = await cli(['user', 'list'], env);
      expect(list.code).toBe(0);
      const lines = list.stdout.trim().split('\n');
      expect(lines).toContain('bdt-bacgiang\tquantri@demo.minhbach.example\tQuản trị (mẫu)\t(mẫu)');
      expect(lines).toContain('snv-bacgiang\tsonoivu@demo.minhbach.example\tChuyên viên Sở Nội vụ (mẫu)\t(mẫu)');
      expect(lines).toContain(`bdt-bacgiang\t${NEW_USER}\tNguyễn Văn Mới`);
    });

    it('adding the same email again fails in Vietnamese; set-password sets the password', async () => {
      const [again, setPw] = await Promise.all([
        cli(['user', 'add', '--email', NEW_USER, '--name', 'Trùng', '--role', 'staff'], env),
        cli(['user', 'set-password', NEW_USER, '--password', NEW_PASSWORD], env),
      ]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`Email ${NEW_USER} đã có tài khoản.`);
      expect(again.stderr).not.toMatch(/^\s+at /m);
      expect(setPw.code, setPw.stderr).toBe(0);
      expect(setPw.stdout).toContain(`Đã đặt mật khẩu mới cho ${NEW_USER}.`);
      // A password given on the command line is not echoed back.
      expect(setPw.stdout).not.toContain(NEW_PASSWORD);
    });

    it('serve starts, prints a first admin once, and the new password signs in', async () => {
      server = await serve(dataDir);
      const out = server.output();
      // The seed agency had only demo admins: a real one is created and its password printed.
      const m = /Email: (admin@minhbach\.local)\s+Mật khẩu: (\S+)/.exec(out);
      expect(m, out).not.toBeNull();
      adminPassword = m![2]!;

      const ok = await login(server.url, NEW_USER, NEW_PASSWORD);
      expect(ok.status).toBe(200);
      expect(ok.cookie).toBeTruthy();
      const me = await fetch(`${server.url}/api/me`, { headers: { cookie: `mb_session=${ok.cookie}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string; roles: string[] })).toMatchObject({ email: NEW_USER, roles: ['coordinator'] });
      expect((await login(server.url, NEW_USER, 'sai-mat-khau-1')).status).toBe(401);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    });

    it('backup while the server runs contains the latest writes', async () => {
      const admin = await login(server!.url, 'admin@minhbach.local', adminPassword);
      expect(admin.status).toBe(200);
      const created = await fetch(`${server!.url}/api/units`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `mb_session=${admin.cookie}`, 'x-csrf-token': admin.csrf! },
        body: JSON.stringify({ name: 'Phòng Thử Sao Lưu', abbreviation: 'TSL', kind: 'other' }),
      });
      expect(created.status).toBe(201);

      const backup = await cli(['backup', backupFile], env);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(`Đã sao lưu ${join(dataDir, 'minhbach.db')} vào ${backupFile}.`);
      expect(existsSync(backupFile)).toBe(true);

      const copy = new SQLite(backupFile, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const emails = (copy.prepare('select email from users').all() as { email: string }[]).map((r) => r.email);
        expect(emails).toEqual(expect.arrayContaining([NEW_USER, 'admin@minhbach.local', 'quantri@demo.minhbach.example']));
        const unit = copy.prepare("select name from units where abbreviation = 'TSL'").get() as { name: string } | undefined;
        expect(unit?.name).toBe('Phòng Thử Sao Lưu');
      } finally {
        copy.close();
      }

      // The server's log never carries passwords or the session cookie.
      const log = server!.output();
      expect(log).toContain('/api/auth/login');
      for (const secret of [NEW_PASSWORD, 'sai-mat-khau-1', admin.cookie!, admin.csrf!]) expect(log).not.toContain(secret);
    });

    it('the server stops cleanly on SIGTERM', async () => {
      expect(await server!.stop()).toBe(0);
      server = undefined;
    });

    it('restore brings back the backed-up state: a user added afterwards is gone', async () => {
      const later = 'sau.saoluu@bdt-bacgiang.example';
      const add = await cli(['user', 'add', '--email', later, '--name', 'Sau Sao Lưu', '--role', 'staff', '--password', 'MatKhau-sau-1'], env);
      expect(add.code, add.stderr).toBe(0);
      expect(add.stdout).toBe(`Đã tạo tài khoản ${later}.\n`);

      const restore = await cli(['restore', backupFile], env);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain('Đã khôi phục');

      const list = await cli(['user', 'list'], env);
      expect(list.code).toBe(0);
      expect(list.stdout).not.toContain(later);
      expect(list.stdout).toContain(NEW_USER);
      expect(list.stdout).toContain('admin@minhbach.local');
      const db = new SQLite(join(dataDir, 'minhbach.db'), { readonly: true });
      try {
        expect(db.prepare("select count(*) n from units where abbreviation = 'TSL'").get()).toEqual({ n: 1 });
      } finally {
        db.close();
      }
    });
  });
});
