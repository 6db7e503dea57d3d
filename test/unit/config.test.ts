import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, ensureSessionSecret, loadConfig, redactUrl } from '../../src/config.ts';

/** loadConfig's ConfigError for an environment; fails the test if it does not throw one. */
function problemsOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has working defaults: port 3000, SQLite in ./data, demo data, info logs', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.dataDir).toBe(resolve(process.cwd(), 'data'));
    expect(c.database).toEqual({ kind: 'sqlite', file: join(resolve(process.cwd(), 'data'), 'minhbach.db') });
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.secureCookies).toBe(false);
    expect(c.logLevel).toBe('info');
    expect(c.seedDemo).toBe(true);
    expect(c.defaultAgency).toBe('bdt-bacgiang');
    expect(c.sessionSecret).toBe('');
    expect(c.adminEmail).toBeUndefined();
    expect(c.smtpUrl).toBeUndefined();
  });

  it('puts the SQLite file in DATA_DIR, and blank variables mean the default', () => {
    const c = loadConfig({ DATA_DIR: '/srv/minhbach', PORT: ' ', LOG_LEVEL: '', DATABASE_URL: '  ' });
    expect(c.database).toEqual({ kind: 'sqlite', file: '/srv/minhbach/minhbach.db' });
    expect(c.port).toBe(3000);
    expect(c.logLevel).toBe('info');
    expect(loadConfig({ DATA_DIR: 'var/data' }).dataDir).toBe(resolve(process.cwd(), 'var/data'));
  });

  it('uses PORT in the default public URL', () => {
    const c = loadConfig({ PORT: '8080' });
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('selects PostgreSQL for a postgres:// or postgresql:// DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://mb:pw@db.local:5432/minhbach' }).database).toEqual({ kind: 'postgres', url: 'postgres://mb:pw@db.local:5432/minhbach' });
    expect(loadConfig({ DATABASE_URL: 'postgresql://mb@localhost/minhbach' }).database.kind).toBe('postgres');
  });

  it('accepts sqlite:path as DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/mb.db' }).database).toEqual({ kind: 'sqlite', file: '/var/lib/mb.db' });
    expect(loadConfig({ DATABASE_URL: 'sqlite://relative/mb.db' }).database).toEqual({ kind: 'sqlite', file: resolve(process.cwd(), 'relative/mb.db') });
  });

  it('rejects a bad PORT in Vietnamese', () => {
    for (const PORT of ['abc', '70000', '-1', '3.5', '80a']) {
      const e = problemsOf({ PORT });
      expect(e.problems).toEqual([`PORT phải là số từ 0 đến 65535, nhận "${PORT}"`]);
      expect(e.message).toMatch(/^Cấu hình không hợp lệ/);
      expect(e.message).toContain('PORT phải là số từ 0 đến 65535');
    }
  });

  it('rejects a DATABASE_URL of another kind without printing its password', () => {
    const e = problemsOf({ DATABASE_URL: 'mysql://root:SieuBiMat@db/minhbach' });
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^DATABASE_URL phải bắt đầu bằng postgres:\/\//);
    expect(e.message).toContain('mysql://root:***@db/minhbach');
    expect(e.message).not.toContain('SieuBiMat');
    expect(problemsOf({ DATABASE_URL: 'không phải url' }).problems[0]).toMatch(/DATABASE_URL/);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together, a valid email and 8+ characters', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'admin@cchc.vn' }).problems).toEqual(['ADMIN_EMAIL và ADMIN_PASSWORD phải được đặt cùng nhau']);
    expect(problemsOf({ ADMIN_PASSWORD: 'MatKhau123' }).problems).toEqual(['ADMIN_EMAIL và ADMIN_PASSWORD phải được đặt cùng nhau']);
    expect(problemsOf({ ADMIN_EMAIL: 'admin@cchc.vn', ADMIN_PASSWORD: 'ngan' }).problems).toEqual(['ADMIN_PASSWORD phải có ít nhất 8 ký tự']);
    expect(problemsOf({ ADMIN_EMAIL: 'khong-phai-email', ADMIN_PASSWORD: 'MatKhau123' }).problems[0]).toMatch(/ADMIN_EMAIL không phải địa chỉ email hợp lệ/);
    const ok = loadConfig({ ADMIN_EMAIL: ' Admin@CCHC.vn ', ADMIN_PASSWORD: 'MatKhau123' });
    expect(ok.adminEmail).toBe('admin@cchc.vn');
    expect(ok.adminPassword).toBe('MatKhau123');
  });

  it('requires SESSION_SECRET to have at least 32 characters', () => {
    expect(problemsOf({ SESSION_SECRET: 'ngan-qua' }).problems).toEqual(['SESSION_SECRET phải có ít nhất 32 ký tự']);
    const secret = 's'.repeat(32);
    expect(loadConfig({ SESSION_SECRET: secret }).sessionSecret).toBe(secret);
  });

  it('rejects an unknown LOG_LEVEL, listing the valid ones', () => {
    const e = problemsOf({ LOG_LEVEL: 'verbose' });
    expect(e.problems[0]).toBe('LOG_LEVEL phải là một trong fatal, error, warn, info, debug, trace, silent, nhận "verbose"');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('parses SEED_DEMO and rejects nonsense', () => {
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'NO' }).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(problemsOf({ SEED_DEMO: 'có' }).problems[0]).toMatch(/SEED_DEMO phải là true hoặc false/);
  });

  it('checks PUBLIC_URL and SMTP_URL', () => {
    expect(problemsOf({ PUBLIC_URL: 'ftp://x.vn' }).problems[0]).toMatch(/PUBLIC_URL phải là địa chỉ http\(s\):\/\//);
    expect(problemsOf({ PUBLIC_URL: 'cchc.vn' }).problems[0]).toMatch(/PUBLIC_URL/);
    expect(problemsOf({ SMTP_URL: 'http://mail' }).problems[0]).toMatch(/SMTP_URL phải bắt đầu bằng smtp:\/\//);
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.vn:465' }).smtpUrl).toBe('smtps://u:p@mail.vn:465');
  });

  it('reads the scale-out settings: trusted proxies, cache sync interval, file storage', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(problemsOf({ TRUST_PROXY: 'nginx' }).problems[0]).toMatch(/TRUST_PROXY phải là danh sách địa chỉ IP/);
    expect(loadConfig({}).cacheSyncMs).toBe(1000);
    expect(problemsOf({ CACHE_SYNC_MS: '10' }).problems[0]).toMatch(/CACHE_SYNC_MS phải là số nguyên từ 50/);
    expect(loadConfig({ FILE_STORAGE: 's3', S3_ENDPOINT: 'http://minio:9000/', S3_BUCKET: 'minhbach', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_FORCE_PATH_STYLE: 'true' }).fileStorage)
      .toEqual({ kind: 's3', endpoint: 'http://minio:9000', bucket: 'minhbach', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true });
    expect(problemsOf({ FILE_STORAGE: 's3' }).problems).toHaveLength(4);
  });

  it('reports every problem at once', () => {
    const e = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', SESSION_SECRET: 'x', ADMIN_EMAIL: 'a@b.vn' });
    expect(e.problems).toHaveLength(4);
    expect(e.message.split('\n- ')).toHaveLength(5);
  });

  it('makes cookies Secure when PUBLIC_URL is https, and drops trailing slashes', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://cchc.bacninh.gov.vn/' });
    expect(c.publicUrl).toBe('https://cchc.bacninh.gov.vn');
    expect(c.secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://cchc.local:8080//' }).secureCookies).toBe(false);
  });

  it('documents every variable it reads', () => {
    const source = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
    const read = new Set([...source.matchAll(/env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!));
    const documented = new Set<string>(CONFIG_VARIABLES.map((v) => v[0]));
    expect([...read].filter((v) => !documented.has(v))).toEqual([]);
    expect([...documented].filter((v) => !read.has(v))).toEqual([]);
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgres://mb:p%40ss@db:5432/x')).toBe('postgres://mb:***@db:5432/x');
    expect(redactUrl('postgres://mb@db/x')).toBe('postgres://mb@db/x');
    expect(redactUrl('postgres://db/x')).toBe('postgres://db/x');
  });
});

describe('ensureSessionSecret', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'mb-config-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('generates a secret file in DATA_DIR once, then reuses it', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const config = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'session-secret');
    expect(existsSync(file)).toBe(false);

    const first = ensureSessionSecret(config);
    expect(existsSync(file)).toBe(true);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The input is not mutated.
    expect(config.sessionSecret).toBe('');

    const content = readFileSync(file, 'utf8');
    const second = ensureSessionSecret(loadConfig({ DATA_DIR: dataDir }));
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(file, 'utf8')).toBe(content);

    // Another data directory gets another secret.
    expect(ensureSessionSecret(loadConfig({ DATA_DIR: tempDir() })).sessionSecret).not.toBe(first.sessionSecret);
  });

  it('reads a secret an operator put in the file (trimmed)', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'session-secret'), `${'k'.repeat(40)}\n`);
    expect(ensureSessionSecret(loadConfig({ DATA_DIR: dataDir })).sessionSecret).toBe('k'.repeat(40));
  });

  it('keeps SESSION_SECRET from the environment and writes no file', () => {
    const dataDir = tempDir();
    const secret = 'e'.repeat(48);
    const c = ensureSessionSecret(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: secret }));
    expect(c.sessionSecret).toBe(secret);
    expect(existsSync(join(dataDir, 'session-secret'))).toBe(false);
  });
});
