import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../config.ts';

/** A backup or restore that cannot be done, with the Vietnamese message the CLI prints. */
export class BackupError extends Error {}

/**
 * Online backup and restore of either engine, used by `minhbach backup|restore`.
 *
 * SQLite: `VACUUM INTO` reads one consistent snapshot (WAL: writers are never blocked and, unlike
 * the page-copying backup API, a write during the copy does not restart it), written to a `.part`
 * file renamed when complete.
 * PostgreSQL: `pg_dump --format=custom` (one REPEATABLE READ snapshot, the app keeps serving) and
 * `pg_restore --single-transaction` into an empty database — the server's own tools, so every
 * type, trigger, extension and index comes back exactly as it was, which an in-app copy would
 * have to re-implement. They are found next to `initdb` of the newest installed PostgreSQL, or in
 * `PG_BIN_DIR`, or on PATH.
 */
export async function backupDatabase(target: Config['database'], file: string): Promise<void> {
  if (existsSync(file)) throw new BackupError(`Tệp ${file} đã tồn tại; hãy chọn tên khác để không ghi đè bản sao lưu cũ.`);
  const part = `${file}.part`;
  rmSync(part, { force: true });
  try {
    if (target.kind === 'postgres') await pgTool('pg_dump', ['--format=custom', '--no-owner', `--file=${part}`], target.url);
    else {
      if (!existsSync(target.file)) throw new BackupError(`Chưa có cơ sở dữ liệu ở ${target.file}.`);
      const source = new SQLite(target.file, { fileMustExist: true });
      try {
        source.pragma('busy_timeout = 5000');
        source.prepare('VACUUM INTO ?').run(part);
      } finally {
        source.close();
      }
    }
    renameSync(part, file);
  } finally {
    rmSync(part, { force: true });
  }
}

/** Restores a backup: SQLite over the configured file; PostgreSQL into an empty database (or `force`: replacing it). */
export async function restoreDatabase(target: Config['database'], file: string, opts: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`Không có tệp ${file}.`);
  if (target.kind === 'postgres') return restorePostgres(target.url, file, opts.force === true);
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    let check: unknown;
    try {
      check = backup.pragma('integrity_check', { simple: true });
    } catch {
      throw notABackup();
    }
    if (check !== 'ok') throw new BackupError(`Tệp sao lưu bị hỏng: ${String(check)}`);
    const hasSchema = backup.prepare("select count(*) n from sqlite_master where name in ('kysely_migration','agencies')").get() as { n: number };
    if (hasSchema.n < 2) throw notABackup();
    await backup.backup(target.file);
  } finally {
    backup.close();
  }
}

const notABackup = () => new BackupError('Tệp này không phải bản sao lưu của Minh Bạch.');

async function restorePostgres(url: string, file: string, force: boolean) {
  let list: string;
  try {
    list = await pgTool('pg_restore', ['--list', file]);
  } catch {
    throw notABackup();
  }
  if (!/TABLE public agencies /.test(list) || !/TABLE public kysely_migration /.test(list)) throw notABackup();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect().catch((err: Error) => {
    throw new BackupError(`Không kết nối được cơ sở dữ liệu đích: ${err.message}`);
  });
  let tables: number;
  try {
    tables = Number((await client.query("select count(*) n from information_schema.tables where table_schema = 'public'")).rows[0].n);
  } finally {
    await client.end();
  }
  if (tables > 0 && !force) {
    throw new BackupError('Cơ sở dữ liệu đích đã có dữ liệu. Hãy khôi phục vào một cơ sở dữ liệu mới (createdb …, rồi đặt DATABASE_URL tới nó), hoặc thêm --force để thay thế toàn bộ (khi ứng dụng đã dừng).');
  }
  await pgTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...(tables > 0 ? ['--clean', '--if-exists'] : []), file], url);
}

/** Runs a PostgreSQL client tool; the password goes through the environment, never the command line. */
function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url?: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: '10' };
  const fullArgs = [...args];
  if (url) {
    const u = new URL(url);
    if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
    fullArgs.push(`--dbname=${u.toString()}`);
  }
  const bin = pgBinary(tool);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, fullArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    child.once('error', (e) => reject(new BackupError(`Không chạy được ${tool} (${bin}): ${e.message}. Cài postgresql-client hoặc đặt PG_BIN_DIR.`)));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new BackupError(`${tool} báo lỗi (mã ${code}): ${err.trim().slice(0, 2000)}`))));
  });
}

function pgBinary(tool: string): string {
  const dirs = [process.env.PG_BIN_DIR];
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) for (const v of readdirSync(base).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a))) dirs.push(join(base, v, 'bin'));
  for (const d of dirs) if (d && existsSync(join(d, tool))) return join(d, tool);
  return tool;
}
