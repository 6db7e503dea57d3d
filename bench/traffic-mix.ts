/**
 * Mixed public traffic: what a province's portals are asked for, in proportions, and two ways
 * to send it — wrk with a Lua script (as fast as the server answers: the peak) and a paced
 * Node client (a steady rate for the soak and the test suite's short run).
 *
 * The addresses are found on the running portal itself (home page, column, catalog), so the
 * mix follows whatever the database holds; nothing here knows an article or a procedure.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile, rng } from './measure.ts';

export interface TrafficRequest {
  /** What kind of page this is, for the report. */
  kind: string;
  path: string;
  /** Host header: which agency's portal (the default agency's when absent). */
  host?: string;
  /** The citizen's address, sent as X-Forwarded-For (the app trusts it from 127.0.0.1, as from nginx). */
  client?: string;
}

/** How many different citizens the drawn traffic comes from (per-address limits apply to each). */
export const CITIZENS = 5000;

/** App settings for a run: X-Forwarded-For believed from the load generator on 127.0.0.1, like nginx's. */
export const TRAFFIC_APP_ENV = { TRUST_PROXY: '127.0.0.1' };

/** Shares of the mix, by kind (a citizen reads far more than they search). */
export const MIX_WEIGHTS: Record<string, number> = {
  'trang chủ': 20,
  'bài viết': 30,
  'tìm thủ tục': 12,
  'thủ tục': 15,
  'tìm kiếm': 5,
  'RSS': 5,
  'kế hoạch (cơ quan khác)': 13,
};

const links = (html: string, prefix: string) => [...new Set([...html.matchAll(/href="([^"#?]+)"/g)].map((m) => m[1]!).filter((h) => h.startsWith(prefix) && h !== prefix))];

/** A page's HTML; through node:http, because fetch does not let a request name its Host. */
function text(base: string, path: string, host?: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${host ?? ''}${path}: ${res.statusCode}`))));
    }).on('error', reject).end();
  });
}

/** Words of a title to search for: two neighbouring words, as people type them (without tones half the time). */
function queryOf(title: string, r: () => number): string {
  const words = title.split(/\s+/).filter((w) => w.length > 2 && /\p{L}/u.test(w));
  const i = Math.floor(r() * Math.max(1, words.length - 1));
  const q = words.slice(i, i + 2).join(' ').toLowerCase();
  return r() < 0.5 ? q : q.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

/**
 * The addresses of the mix, found by reading the portal: the default agency's home, articles
 * (from the CCHC column), procedure catalog searches and details, site search, RSS; and the plan
 * pages of the other agencies' portals (`hosts`). Fails when a kind has no address.
 */
export async function discoverTraffic(base: string, hosts: string[], seed = 2024): Promise<Map<string, TrafficRequest[]>> {
  const r = rng(seed);
  const kinds = new Map<string, TrafficRequest[]>();
  const add = (kind: string, path: string, host?: string) => kinds.set(kind, [...(kinds.get(kind) ?? []), { kind, path, host }]);
  add('trang chủ', '/');
  const column = await text(base, '/cai-cach-hanh-chinh');
  const articles = links(column, '/tin-bai/');
  for (const a of articles) add('bài viết', a);
  const catalog = await text(base, '/thu-tuc-hanh-chinh');
  const procedures = links(catalog, '/thu-tuc-hanh-chinh/').filter((p) => p.split('/').length === 3 && !/\.(csv|json|pdf)$/.test(p));
  for (const p of procedures) add('thủ tục', p);
  const titles = [...catalog.matchAll(/<a href="\/thu-tuc-hanh-chinh\/[^"]+">([^<]{8,})<\/a>/g)].map((m) => m[1]!);
  for (const t of titles.slice(0, 40)) add('tìm thủ tục', `/thu-tuc-hanh-chinh?q=${encodeURIComponent(queryOf(t, r))}`);
  const articleTitles = [...column.matchAll(/<a href="\/tin-bai\/[^"]+">([^<]{8,})<\/a>/g)].map((m) => m[1]!);
  for (const t of articleTitles.slice(0, 40)) add('tìm kiếm', `/tim-kiem?q=${encodeURIComponent(queryOf(t, r))}`);
  add('RSS', '/rss.xml');
  for (const host of hosts) {
    add('kế hoạch (cơ quan khác)', '/ke-hoach', host);
    for (const p of links(await text(base, '/ke-hoach', host), '/ke-hoach/').filter((p) => !p.endsWith('/tep-goc'))) add('kế hoạch (cơ quan khác)', p, host);
  }
  for (const kind of Object.keys(MIX_WEIGHTS)) if (!kinds.get(kind)?.length) throw new Error(`no address of kind "${kind}" found on the portal`);
  return kinds;
}

/** `count` requests drawn by the mix's weights (seeded, so every run sends the same sequence). */
export function drawTraffic(kinds: Map<string, TrafficRequest[]>, count: number, seed = 7): TrafficRequest[] {
  const r = rng(seed);
  const total = Object.values(MIX_WEIGHTS).reduce((a, b) => a + b, 0);
  const out: TrafficRequest[] = [];
  for (let i = 0; i < count; i++) {
    let x = r() * total;
    const kind = Object.keys(MIX_WEIGHTS).find((k) => (x -= MIX_WEIGHTS[k]!) < 0) ?? 'trang chủ';
    const list = kinds.get(kind)!;
    const citizen = Math.floor(r() * CITIZENS);
    out.push({ ...list[Math.floor(r() * list.length)]!, client: `10.${(citizen >> 16) & 255}.${(citizen >> 8) & 255}.${citizen & 255}` });
  }
  return out;
}

export interface TrafficResult {
  requests: number;
  seconds: number;
  rate: number;
  /** Responses that were not 2xx/3xx, and connection errors. */
  errors: number;
  byStatus: Record<string, number>;
  p50: number;
  p99: number;
}

/** Peak: wrk, each thread walking the drawn sequence from its own offset, as fast as answered. */
export async function wrkPeak(base: string, list: TrafficRequest[], opts: { seconds: number; connections: number; script: string }): Promise<TrafficResult> {
  const lines = list.map((t) => `${t.host ?? ''}\t${t.client ?? ''}\t${t.path}`).join('\n');
  // Requests are formatted in init(): before it, wrk has not set its default Host header.
  writeFileSync(opts.script, `
local reqs = {}
local n = 0
local counter = 0
local id = 0
function setup(thread) thread:set("id", id); id = id + 1 end
function init(args)
  for line in io.lines("${opts.script}.txt") do
    local host, client, path = line:match("^([^\\t]*)\\t([^\\t]*)\\t(.*)$")
    local headers = { ["Accept-Encoding"] = "gzip" }
    if host ~= "" then headers["Host"] = host end
    if client ~= "" then headers["X-Forwarded-For"] = client end
    n = n + 1
    reqs[n] = wrk.format("GET", path, headers)
  end
  counter = id * 997
end
function request() counter = counter + 1; return reqs[(counter % n) + 1] end
`);
  writeFileSync(`${opts.script}.txt`, lines);
  const stdout = await new Promise<string>((resolve, reject) => {
    const wrk = spawn('wrk', ['-t2', `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency', '-s', opts.script, base]);
    let out = '';
    wrk.stdout.on('data', (d) => (out += d));
    wrk.stderr.on('data', (d) => (out += d));
    wrk.on('error', reject);
    wrk.on('exit', () => resolve(out));
  });
  const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? 0);
  const ms = (re: RegExp) => {
    const m = re.exec(stdout);
    if (!m) return NaN;
    const unit = m[2]!;
    return Number(m[1]) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  };
  const requests = num(/(\d+) requests in/);
  if (!requests) throw new Error(`wrk output not understood:\n${stdout}`);
  const non2xx = num(/Non-2xx or 3xx responses: (\d+)/);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return {
    requests, seconds: opts.seconds, rate: num(/Requests\/sec:\s+([\d.]+)/), errors: non2xx + socketErrors,
    byStatus: { 'không phải 2xx/3xx': non2xx, 'lỗi kết nối': socketErrors },
    p50: ms(/50%\s+([\d.]+)(us|ms|s)/), p99: ms(/99%\s+([\d.]+)(us|ms|s)/),
  };
}

/**
 * A steady rate from this process: `rate` requests a second spread evenly over `seconds`, on at
 * most `concurrency` keep-alive connections (a request that would exceed them waits: the rate
 * then falls, and the result says so). `onSecond` hears the running totals once a second.
 */
export async function pacedTraffic(base: string, list: TrafficRequest[], opts: { rate: number; seconds: number; concurrency?: number; onSecond?: (elapsedS: number, sent: number, errors: number) => void }): Promise<TrafficResult> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency ?? 64 });
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  let inFlight = 0;
  const limit = opts.concurrency ?? 64;
  const one = (t: TrafficRequest) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request({ host: url.hostname, port: url.port, path: t.path, agent, headers: { 'accept-encoding': 'gzip', ...(t.host ? { host: t.host } : {}), ...(t.client ? { 'x-forwarded-for': t.client } : {}) } }, (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          byStatus[status] = (byStatus[status] ?? 0) + 1;
          if (status >= 400) errors++;
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        byStatus['lỗi kết nối'] = (byStatus['lỗi kết nối'] ?? 0) + 1;
        errors++;
        resolve();
      });
      req.end();
    });
  const start = performance.now();
  const end = start + opts.seconds * 1000;
  const pending = new Set<Promise<void>>();
  let nextSecond = 1;
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - start) / 1000) * opts.rate);
    while (sent < due && inFlight < limit) {
      const p = one(list[sent % list.length]!).finally(() => {
        inFlight--;
        pending.delete(p);
      });
      inFlight++;
      sent++;
      pending.add(p);
    }
    const elapsed = (performance.now() - start) / 1000;
    if (elapsed >= nextSecond) {
      opts.onSecond?.(Math.floor(elapsed), sent, errors);
      nextSecond = Math.floor(elapsed) + 1;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: sent, seconds, rate: sent / seconds, errors, byStatus, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Resident memory of a process (Linux /proc), in bytes. */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const m = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
