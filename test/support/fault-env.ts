import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database, type Engine } from '../../src/db/database.ts';
import { appProcess, httpSession, runCli, type AppProcess, type HttpSession } from './killable-app.ts';
import { createTestDatabase } from './databases.ts';

export const FAULT_PASSWORD = 'ThuLoi@2024-kill9';
/** Two people, because the four-eyes rules need an author and an approver. */
export const FAULT_USERS = {
  coordinator: { email: 'dieuphoi@faults.example', name: 'Điều phối (thử lỗi)', role: 'coordinator,editor,admin' },
  leader: { email: 'lanhdao@faults.example', name: 'Lãnh đạo (thử lỗi)', role: 'leader' },
} as const;

export interface FaultEnv {
  app: AppProcess;
  env: Record<string, string>;
  /** A separate connection for checking invariants with SQL (the app's own is gone after kill -9). */
  check: Database;
  coordinator: HttpSession;
  leader: HttpSession;
  close(): Promise<void>;
}

/**
 * The real server on a fresh database of the engine (a temp SQLite file, or a new database on the
 * test cluster), started without demo data (it is slow to load and not needed), with two users
 * added through the CLI and signed in over HTTP.
 */
export async function startFaultEnv(engine: Engine, port: number, extraEnv: Record<string, string> = {}): Promise<FaultEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'minhbach-faults-'));
  const pg = engine === 'postgres' ? await createTestDatabase('postgres', { migrate: false }) : undefined;
  const env: Record<string, string> = {
    PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '1000', ...extraEnv,
    ...(pg && pg.target.kind === 'postgres' ? { DATABASE_URL: pg.target.url } : {}),
  };
  const app = appProcess(env);
  await app.start();
  for (const u of Object.values(FAULT_USERS)) await runCli(env, ['user', 'add', '--email', u.email, '--name', u.name, '--role', u.role, '--password', FAULT_PASSWORD]);
  const check = pg ? pg.database : openDatabase({ kind: 'sqlite', file: join(dataDir, 'minhbach.db') });
  const coordinator = await httpSession(app.url, FAULT_USERS.coordinator.email, FAULT_PASSWORD);
  const leader = await httpSession(app.url, FAULT_USERS.leader.email, FAULT_PASSWORD);
  return {
    app, env, check, coordinator, leader,
    async close() {
      await app.kill9();
      if (pg) await pg.drop();
      else await check.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
