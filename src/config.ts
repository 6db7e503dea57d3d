import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { S3Settings } from './platform/files/s3-client.ts';

/** The whole typed configuration, read once from the environment at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string;
  secureCookies: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionSecret: string;
  smtpUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load demo units and users into an empty database. */
  seedDemo: boolean;
  /** Agency shown by the portal when no agency claims the request's host name. */
  defaultAgency: string;
  /** Sign-in attempts allowed per IP address and minute. */
  loginRateLimit: number;
  /** Feedback sendings allowed per IP address in 10 minutes (the public form). */
  feedbackRateLimit: number;
  /** Public site searches per IP address and minute. */
  searchRateLimit: number;
  /** Key (32 bytes, base64/hex) that encrypts channel secrets at rest; from DATA_DIR when not given. */
  secretsKey: string;
  /** Social networks' API hosts: the real ones by default, local fakes in tests. */
  facebookGraphUrl: string;
  zaloOpenapiUrl: string;
  zaloOauthUrl: string;
  /** How often the job queue looks for due jobs (tests shorten it). */
  jobPollMs: number;
  /** Addresses of the reverse proxies whose X-Forwarded-For/-Proto are believed; empty: none (direct). */
  trustProxy: string[];
  /** Where file content goes: the database (default) or an S3-compatible bucket shared by every process. */
  fileStorage: { kind: 'database' } | ({ kind: 's3' } & S3Settings);
  /** How often each process reads the page cache generations (the cross-process staleness bound). */
  cacheSyncMs: number;
  /** Social posting: first retry delay (doubling after) and how long one API call may take. */
  socialRetryMs: number;
  socialTimeoutMs: number;
}

/** A configuration problem: main prints the message and exits with code 2. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Cấu hình không hợp lệ (invalid configuration):\n- ${problems.join('\n- ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One documented variable; README's configuration table mirrors this list. */
export const CONFIG_VARIABLES = [
  ['PORT', '3000', 'TCP port of the HTTP server'],
  ['HOST', '0.0.0.0', 'address to listen on'],
  ['DATA_DIR', './data', 'folder for the SQLite database, uploads and the generated session secret'],
  ['DATABASE_URL', '(none: SQLite)', 'postgres://user:pass@host:5432/db selects PostgreSQL'],
  ['PUBLIC_URL', 'http://localhost:PORT', 'public address; https:// makes cookies Secure'],
  ['ADMIN_EMAIL', '', 'bootstrap admin of the seed agency (with ADMIN_PASSWORD)'],
  ['ADMIN_PASSWORD', '', 'password of that admin (at least 8 characters)'],
  ['SESSION_SECRET', '(generated into DATA_DIR)', 'key for session token hashes, 32+ characters'],
  ['SMTP_URL', '', 'smtp://user:pass@host:587 for outgoing mail'],
  ['LOG_LEVEL', 'info', LOG_LEVELS.join(', ')],
  ['SEED_DEMO', 'true', 'load demo units and users into an empty database'],
  ['DEFAULT_AGENCY', 'bdt-bacgiang', 'code of the agency the portal shows by default'],
  ['LOGIN_RATE_LIMIT', '10', 'sign-in attempts per IP address and minute'],
  ['FEEDBACK_RATE_LIMIT', '5', 'feedback sendings per IP address in 10 minutes (public form)'],
  ['SEARCH_RATE_LIMIT', '60', 'public site searches per IP address and minute'],
  ['SECRETS_KEY', '(generated into DATA_DIR)', 'key encrypting channel tokens at rest: 32 bytes as base64 or 64 hex characters'],
  ['FACEBOOK_GRAPH_URL', 'https://graph.facebook.com/v19.0', 'Facebook Graph API base address'],
  ['ZALO_OPENAPI_URL', 'https://openapi.zalo.me', 'Zalo Official Account API base address'],
  ['ZALO_OAUTH_URL', 'https://oauth.zaloapp.com', 'Zalo OAuth base address (access token refresh)'],
  ['JOB_POLL_MS', '2000', 'milliseconds between job queue polls'],
  ['TRUST_PROXY', '', 'comma-separated addresses/CIDRs of the reverse proxies (nginx) whose X-Forwarded-For is believed'],
  ['FILE_STORAGE', 'database', 'database (file content in the database) or s3 (an S3-compatible bucket, settings below)'],
  ['S3_ENDPOINT', '', 'S3 address, e.g. https://s3.ap-southeast-1.amazonaws.com or http://minio:9000'],
  ['S3_BUCKET', '', 'bucket of the attachments'],
  ['S3_REGION', 'us-east-1', 'region of the bucket (signing scope)'],
  ['S3_ACCESS_KEY_ID', '', 'access key'],
  ['S3_SECRET_ACCESS_KEY', '', 'secret key'],
  ['S3_FORCE_PATH_STYLE', 'false', 'true: endpoint/bucket/key addresses (MinIO and most self-hosted servers)'],
  ['CACHE_SYNC_MS', '1000', 'milliseconds between reads of the page cache generations (how stale another process may be)'],
  ['SOCIAL_RETRY_MS', '30000', 'first retry delay of a failed social post (doubles each time)'],
  ['SOCIAL_TIMEOUT_MS', '15000', 'how long one Facebook/Zalo API call may take'],
] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const port = parseIntVar(env.PORT, 3000);
  const portValid = port !== undefined && port >= 0 && port <= 65535;
  if (!portValid) problems.push(`PORT phải là số từ 0 đến 65535, nhận "${env.PORT}"`);

  const host = env.HOST?.trim() || '0.0.0.0';
  const dataDir = resolvePath(env.DATA_DIR?.trim() || './data');

  let database: Config['database'] = { kind: 'sqlite', file: join(dataDir, 'minhbach.db') };
  const dbUrl = env.DATABASE_URL?.trim();
  if (dbUrl) {
    if (/^postgres(ql)?:\/\//.test(dbUrl) && isUrl(dbUrl)) database = { kind: 'postgres', url: dbUrl };
    else if (dbUrl.startsWith('sqlite:')) database = { kind: 'sqlite', file: resolvePath(dbUrl.slice('sqlite:'.length).replace(/^\/\//, '')) };
    else problems.push(`DATABASE_URL phải bắt đầu bằng postgres:// (hoặc sqlite:đường-dẫn), nhận "${redactUrl(dbUrl)}"`);
  }

  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${portValid ? port : 3000}`).replace(/\/+$/, '');
  if (!isUrl(publicUrl) || !/^https?:/.test(publicUrl)) problems.push(`PUBLIC_URL phải là địa chỉ http(s)://, nhận "${env.PUBLIC_URL}"`);

  const adminEmail = env.ADMIN_EMAIL?.trim() || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL không phải địa chỉ email hợp lệ: "${adminEmail}"`);
  if (Boolean(adminEmail) !== Boolean(adminPassword)) problems.push('ADMIN_EMAIL và ADMIN_PASSWORD phải được đặt cùng nhau');
  if (adminPassword && adminPassword.length < 8) problems.push('ADMIN_PASSWORD phải có ít nhất 8 ký tự');

  const sessionSecretEnv = env.SESSION_SECRET?.trim() || undefined;
  if (sessionSecretEnv !== undefined && sessionSecretEnv.length < 32) problems.push('SESSION_SECRET phải có ít nhất 32 ký tự');

  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push(`SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps://`);

  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL phải là một trong ${LOG_LEVELS.join(', ')}, nhận "${env.LOG_LEVEL}"`);

  const seedDemo = parseBool(env.SEED_DEMO, true);
  if (seedDemo === undefined) problems.push(`SEED_DEMO phải là true hoặc false, nhận "${env.SEED_DEMO}"`);

  const defaultAgency = env.DEFAULT_AGENCY?.trim() || 'bdt-bacgiang';

  const loginRateLimit = parseIntVar(env.LOGIN_RATE_LIMIT, 10);
  if (loginRateLimit === undefined || loginRateLimit < 1) problems.push(`LOGIN_RATE_LIMIT phải là số nguyên dương, nhận "${env.LOGIN_RATE_LIMIT}"`);

  const feedbackRateLimit = parseIntVar(env.FEEDBACK_RATE_LIMIT, 5);
  if (feedbackRateLimit === undefined || feedbackRateLimit < 1) problems.push(`FEEDBACK_RATE_LIMIT phải là số nguyên dương, nhận "${env.FEEDBACK_RATE_LIMIT}"`);
  const searchRateLimit = parseIntVar(env.SEARCH_RATE_LIMIT, 60);
  if (searchRateLimit === undefined || searchRateLimit < 1) problems.push(`SEARCH_RATE_LIMIT phải là số nguyên dương, nhận "${env.SEARCH_RATE_LIMIT}"`);
  const secretsKeyEnv = env.SECRETS_KEY?.trim() || undefined;
  if (secretsKeyEnv !== undefined && !parseSecretsKey(secretsKeyEnv)) problems.push('SECRETS_KEY phải là 32 byte viết dạng base64 hoặc 64 ký tự hex');

  const apiUrl = (name: string, given: string | undefined, fallback: string) => {
    const value = (given?.trim() || fallback).replace(/\/+$/, '');
    if (!isUrl(value) || !/^https?:/.test(value)) problems.push(`${name} phải là địa chỉ http(s)://, nhận "${given}"`);
    return value;
  };
  const facebookGraphUrl = apiUrl('FACEBOOK_GRAPH_URL', env.FACEBOOK_GRAPH_URL, 'https://graph.facebook.com/v19.0');
  const zaloOpenapiUrl = apiUrl('ZALO_OPENAPI_URL', env.ZALO_OPENAPI_URL, 'https://openapi.zalo.me');
  const zaloOauthUrl = apiUrl('ZALO_OAUTH_URL', env.ZALO_OAUTH_URL, 'https://oauth.zaloapp.com');

  const jobPollMs = parseIntVar(env.JOB_POLL_MS, 2000);
  if (jobPollMs === undefined || jobPollMs < 50) problems.push(`JOB_POLL_MS phải là số nguyên từ 50 trở lên, nhận "${env.JOB_POLL_MS}"`);

  const fileStorage = readFileStorage(env, problems);
  const trustProxy = (env.TRUST_PROXY ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  for (const p of trustProxy) if (!/^[0-9a-f:.]+(\/\d{1,3})?$/i.test(p)) problems.push(`TRUST_PROXY phải là danh sách địa chỉ IP hoặc dải CIDR, cách nhau bởi dấu phẩy; "${p}" không hợp lệ`);

  const cacheSyncMs = parseIntVar(env.CACHE_SYNC_MS, 1000);
  if (cacheSyncMs === undefined || cacheSyncMs < 50) problems.push(`CACHE_SYNC_MS phải là số nguyên từ 50 trở lên, nhận "${env.CACHE_SYNC_MS}"`);

  const socialRetryMs = parseIntVar(env.SOCIAL_RETRY_MS, 30_000);
  if (socialRetryMs === undefined || socialRetryMs < 10) problems.push(`SOCIAL_RETRY_MS phải là số nguyên từ 10 trở lên, nhận "${env.SOCIAL_RETRY_MS}"`);
  const socialTimeoutMs = parseIntVar(env.SOCIAL_TIMEOUT_MS, 15_000);
  if (socialTimeoutMs === undefined || socialTimeoutMs < 100) problems.push(`SOCIAL_TIMEOUT_MS phải là số nguyên từ 100 trở lên, nhận "${env.SOCIAL_TIMEOUT_MS}"`);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: port!,
    host,
    dataDir,
    database,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    adminEmail: adminEmail?.toLowerCase(),
    adminPassword,
    sessionSecret: sessionSecretEnv ?? '',
    smtpUrl,
    logLevel,
    seedDemo: seedDemo!,
    defaultAgency,
    loginRateLimit: loginRateLimit!,
    feedbackRateLimit: feedbackRateLimit!,
    searchRateLimit: searchRateLimit!,
    secretsKey: secretsKeyEnv ?? '',
    facebookGraphUrl,
    zaloOpenapiUrl,
    zaloOauthUrl,
    jobPollMs: jobPollMs!,
    cacheSyncMs: cacheSyncMs!,
    fileStorage,
    trustProxy,
    socialRetryMs: socialRetryMs!,
    socialTimeoutMs: socialTimeoutMs!,
  };
}

/**
 * Fills in the session secret from DATA_DIR (creating it once) when the environment gave none,
 * so sessions survive restarts without the operator having to invent a key.
 */
export function ensureSessionSecret(config: Config): Config {
  if (config.sessionSecret) return config;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return { ...config, sessionSecret: readFileSync(file, 'utf8').trim() };
}

/**
 * Fills in the key that encrypts channel secrets from DATA_DIR (made once, readable only by the
 * owner) when the environment gave none. Losing it means reconnecting the channels, nothing more.
 */
export function ensureSecretsKey(config: Config): Config {
  if (config.secretsKey) return config;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'secrets-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return { ...config, secretsKey: readFileSync(file, 'utf8').trim() };
}

/** A 32-byte key written as 64 hex characters or base64; undefined when it is neither. */
export function parseSecretsKey(text: string): Buffer | undefined {
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/_-]+=*$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

/** FILE_STORAGE and, for s3, its S3_* settings (every problem reported at once). */
function readFileStorage(env: NodeJS.ProcessEnv, problems: string[]): Config['fileStorage'] {
  const kind = env.FILE_STORAGE?.trim().toLowerCase() || 'database';
  if (kind === 'database') return { kind };
  if (kind !== 's3') {
    problems.push(`FILE_STORAGE phải là database hoặc s3, nhận "${env.FILE_STORAGE}"`);
    return { kind: 'database' };
  }
  const need = (name: string, value: string | undefined) => {
    const v = value?.trim();
    if (!v) problems.push(`FILE_STORAGE=s3 cần ${name}`);
    return v ?? '';
  };
  const endpoint = need('S3_ENDPOINT', env.S3_ENDPOINT).replace(/\/+$/, '');
  if (endpoint && (!isUrl(endpoint) || !/^https?:/.test(endpoint))) problems.push(`S3_ENDPOINT phải là địa chỉ http(s)://, nhận "${endpoint}"`);
  const bucket = need('S3_BUCKET', env.S3_BUCKET);
  if (bucket && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`S3_BUCKET không phải tên bucket hợp lệ (3–63 chữ thường, số, dấu chấm, gạch ngang), nhận "${bucket}"`);
  const forcePathStyle = parseBool(env.S3_FORCE_PATH_STYLE, false);
  if (forcePathStyle === undefined) problems.push(`S3_FORCE_PATH_STYLE phải là true hoặc false, nhận "${env.S3_FORCE_PATH_STYLE}"`);
  return {
    kind: 's3', endpoint, bucket, region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId: need('S3_ACCESS_KEY_ID', env.S3_ACCESS_KEY_ID), secretAccessKey: need('S3_SECRET_ACCESS_KEY', env.S3_SECRET_ACCESS_KEY), forcePathStyle: forcePathStyle ?? false,
  };
}

function parseIntVar(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined || value.trim() === '') return fallback;
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

function parseBool(value: string | undefined, fallback: boolean): boolean | undefined {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return undefined;
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function resolvePath(p: string): string {
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
}

/** Hides the password of a URL before it is printed or logged. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
