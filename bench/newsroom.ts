/**
 * Article page throughput with 10 000 published articles (issue 5, "Performance"): a cached
 * article page ≥ 60 % and an uncached one ≥ 25 % of a bare node:http server that sends the same
 * bytes (same headers, same gzip body) in the same run on the same machine. Also the article
 * page's size against the ≤ 60 KB transferred (without images) target. Only the ratios are
 * meaningful: absolute rates depend on the machine and on the load generator sharing its cores.
 * (Search at 50 000 articles is bench/search.ts.)
 *
 *   npx tsx bench/newsroom.ts          (wrk if installed, else autocannon)
 *   BENCH_SECONDS=20 npx tsx bench/newsroom.ts
 *   BENCH_PROFILE_DIR=/tmp/prof npx tsx bench/newsroom.ts   (CPU profile of the app under the load)
 *   BENCH_KEEP_DATA=1 npx tsx bench/newsroom.ts             (keeps the database, for a closer look)
 *
 * Uncached: every request asks for another article, cycling through all 10 000 addresses. The
 * page cache keeps at most 2 000 pages (oldest out first, a hit does not keep a page longer), so
 * a page asked for again after 10 000 other pages has long left it: nearly every request renders.
 *
 * Upper bound: node:http servers that gzip the same page on every request (at the app's level 6 and at
 * level 1) and do nothing else. No uncached path that compresses per request can beat them, so
 * their ratio shows how much of the uncached target is left for the database and templates.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { newId } from '../src/db/sql-helpers.ts';
import type { ArticleTable } from '../src/db/types.ts';
import { paths } from '../src/modules/publishing/public-views.ts';
import { slugify } from '../src/platform/slug.ts';
import { SEED_AGENCY } from '../src/modules/org/seed-data.ts';
import { richTextToPlain, sanitizeRichText } from '../src/platform/rich-text.ts';
import { createSearchIndex } from '../src/platform/search/index.ts';
import { freePort, hasWrk, rawGet, waitFor } from './http-support.ts';
import { rng } from './measure.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const THREADS = 2;
const ARTICLES = 10_000;
/** The page cache's size and lifetime (src/platform/html-cache.ts defaults, as the app uses them). */
const CACHE_ENTRIES = 2000;
const CACHE_TTL_S = 60;
const TARGET_CACHED = 0.6;
const TARGET_UNCACHED = 0.25;
/** gzip levels of the floor servers: the app's (html-cache.ts packPage) and the fastest. */
const FLOOR_GZIP_LEVELS = [6, 1];
/** "≤ 60 KB transferred without its images", counted as 60 000 bytes (the stricter reading). */
const TARGET_PAGE_BYTES = 60_000;
/** Indexing for search is skipped if it would take longer than this (search has its own bench). */
const SEARCH_INDEX_BUDGET_MS = 30_000;

// ───────────────────────── realistic articles ─────────────────────────

const random = rng(2024_05);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Title openings per default category (in DEFAULT_CATEGORIES order, matched by position). */
const TITLES: string[][] = [
  ['Hội nghị triển khai nhiệm vụ cải cách hành chính', 'Kiểm tra công tác cải cách hành chính', 'Giao ban công tác cải cách hành chính', 'Tập huấn nghiệp vụ cải cách hành chính cho cán bộ, công chức', 'Sơ kết công tác cải cách hành chính'],
  ['Hướng dẫn nộp hồ sơ thủ tục hành chính qua Bộ phận Một cửa', 'Công khai thủ tục hành chính lĩnh vực công tác dân tộc', 'Rút ngắn thời gian giải quyết thủ tục hành chính', 'Đơn giản hóa thủ tục hành chính nội bộ', 'Thực hiện cơ chế một cửa liên thông'],
  ['Kết quả giải quyết thủ tục hành chính', 'Tỉ lệ hồ sơ giải quyết đúng hạn', 'Công khai kết quả tiếp nhận, trả kết quả hồ sơ', 'Tổng hợp hồ sơ dịch vụ công trực tuyến toàn trình'],
  ['Mô hình tuyên truyền cải cách hành chính bằng loa truyền thanh', 'Sáng kiến hướng dẫn người có uy tín tuyên truyền thủ tục hành chính', 'Nhân rộng mô hình "Tổ công nghệ số cộng đồng"', 'Cách làm hay trong tiếp nhận hồ sơ ở vùng đồng bào dân tộc thiểu số'],
  ['Giải pháp nâng cao Chỉ số cải cách hành chính (PAR Index)', 'Cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', 'Người dân đánh giá gì qua Chỉ số PAPI', 'Khảo sát sự hài lòng của người dân (SIPAS)'],
  ['Tuyên truyền Đề án 06 về dữ liệu dân cư, định danh điện tử', 'Hướng dẫn kích hoạt tài khoản định danh điện tử mức 2', 'Chuyển đổi số trong cơ quan hành chính', 'Thanh toán trực tuyến phí, lệ phí thủ tục hành chính'],
  ['Duy trì hệ thống quản lý chất lượng TCVN ISO 9001:2015', 'Đánh giá nội bộ hệ thống quản lý chất lượng', 'Cập nhật quy trình ISO khi thủ tục hành chính thay đổi'],
  ['Bảo đảm an toàn thông tin trên môi trường mạng', 'Cảnh giác với cuộc gọi giả danh cơ quan nhà nước', 'Phản bác thông tin sai sự thật trên mạng xã hội', 'Diễn tập ứng cứu sự cố an toàn thông tin'],
];

const PLACES = [
  'xã Tuấn Đạo, huyện Sơn Động', 'xã Phong Minh, huyện Lục Ngạn', 'thị trấn Chũ, huyện Lục Ngạn', 'xã Xuân Lương, huyện Yên Thế', 'xã Đồng Vương, huyện Yên Thế',
  'xã Lục Sơn, huyện Lục Nam', 'xã Sơn Hải, huyện Lục Ngạn', 'xã Vân Sơn, huyện Sơn Động', 'thành phố Bắc Giang', 'huyện Lạng Giang', 'huyện Tân Yên', 'huyện Hiệp Hòa',
];

const SENTENCES = [
  'Thực hiện Kế hoạch tuyên truyền cải cách hành chính năm 2024, cơ quan đã lồng ghép nội dung cải cách hành chính vào các hội nghị, buổi sinh hoạt chi bộ và hoạt động chuyên môn thường xuyên.',
  'Người dân có thể tra cứu thủ tục hành chính, nộp hồ sơ và theo dõi kết quả giải quyết trên Cổng Dịch vụ công quốc gia và Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.',
  'Cán bộ, công chức được quán triệt nâng cao tinh thần trách nhiệm, thái độ phục vụ, giải quyết hồ sơ đúng hạn, công khai và minh bạch.',
  'Mọi ý kiến phản ánh, kiến nghị về quy định hành chính xin gửi về cơ quan qua Cổng thông tin điện tử, đường dây nóng hoặc trực tiếp tại Bộ phận Một cửa.',
  'Tại buổi làm việc, đại diện lãnh đạo cơ quan đề nghị các phòng chuyên môn rà soát, đề xuất phương án đơn giản hóa thủ tục hành chính thuộc lĩnh vực được giao.',
  'Đoàn công tác đã trao đổi với người có uy tín trong đồng bào dân tộc thiểu số về những khó khăn khi thực hiện thủ tục hành chính trên môi trường điện tử.',
  'Kết quả khảo sát cho thấy phần lớn người dân hài lòng với thái độ phục vụ của công chức tại Bộ phận Một cửa, song vẫn còn một số hồ sơ phải bổ sung nhiều lần.',
  'Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính được thực hiện theo đúng quy định, bảo đảm người dân không phải nộp lại giấy tờ đã có trong cơ sở dữ liệu.',
  'Tổ công nghệ số cộng đồng ở các thôn, bản đã hướng dẫn hàng trăm lượt người dân cài đặt ứng dụng định danh điện tử và thanh toán trực tuyến phí, lệ phí.',
  'Cơ quan tiếp tục duy trì, cải tiến hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015 trong hoạt động quản lý hành chính nhà nước.',
  'Các nội dung tuyên truyền được biên soạn ngắn gọn, dễ hiểu, phát trên hệ thống loa truyền thanh cơ sở bằng tiếng phổ thông và tiếng dân tộc.',
  'Trong quý, cơ quan đã tiếp nhận và giải quyết đúng hạn toàn bộ hồ sơ thủ tục hành chính, không có hồ sơ quá hạn hoặc phải xin lỗi người dân.',
  'Lãnh đạo cơ quan yêu cầu các đơn vị chủ động nắm bắt dư luận, kịp thời cung cấp thông tin chính thống và phản bác thông tin sai sự thật trên mạng xã hội.',
  'Cán bộ, công chức được nhắc nhở không mở thư điện tử, đường liên kết lạ, đặt mật khẩu đủ mạnh và thay đổi định kỳ để bảo đảm an toàn thông tin.',
  'Chỉ số cải cách hành chính của cơ quan năm trước được cải thiện ở các lĩnh vực cải cách thủ tục hành chính, hiện đại hóa hành chính và cải cách tổ chức bộ máy.',
  'Hội nghị cũng đã chỉ ra những tồn tại, hạn chế như công tác tuyên truyền ở một số nơi chưa thường xuyên, hình thức chưa phong phú, chưa phù hợp với từng nhóm đối tượng.',
  'Để khắc phục, cơ quan sẽ tăng cường phối hợp với Ủy ban nhân dân cấp xã, các đoàn thể và người có uy tín để đưa thông tin đến từng hộ gia đình.',
  'Phát biểu kết luận, đồng chí Phó Trưởng ban đề nghị các phòng chuyên môn bám sát kế hoạch, hoàn thành đúng tiến độ các nhiệm vụ được giao trong năm.',
  'Thông tin chi tiết về thủ tục, thành phần hồ sơ, thời hạn giải quyết và phí, lệ phí được niêm yết công khai tại trụ sở và trên Cổng thông tin điện tử của cơ quan.',
  'Qua triển khai, nhận thức của cán bộ, công chức và người dân về cải cách hành chính từng bước được nâng lên, góp phần xây dựng nền hành chính phục vụ.',
];

const BYLINES = ['Văn phòng', 'Phòng Chính sách dân tộc', 'Ban biên tập', 'Nguyễn Thu Hà', 'Hoàng Văn Minh', 'Lục Thị Lan', 'Vi Văn Thắng'];
const TAGS = ['cải cách hành chính', 'một cửa', 'dịch vụ công trực tuyến', 'chuyển đổi số', 'Đề án 06', 'ISO 9001:2015', 'an toàn thông tin', 'PAR Index', 'dân tộc thiểu số'];

/** About 600 words (Vietnamese syllables) in 5–7 paragraphs of `<p>`, already in the stored, sanitised form. */
function body(): string {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 600) {
    const sentences: string[] = [];
    for (let s = int(3, 5); s > 0; s--) sentences.push(pick(SENTENCES));
    const text = sentences.join(' ');
    words += text.split(' ').length;
    paragraphs.push(`<p>${text}</p>`);
  }
  return paragraphs.join('');
}

// ───────────────────────── data ─────────────────────────

interface Prepared {
  dataDir: string;
  /** Paths of the 10 000 bench articles, in insertion order. */
  articlePaths: string[];
  insertMs: number;
  search: string;
}

/**
 * A fresh DATA_DIR: migrations and seed (with the demo newsroom) through the CLI, then the bench
 * articles written straight into the tables in one transaction. Bulk insertion bypasses the
 * publishing service on purpose — it would take minutes for 10 000 articles (revisions,
 * events, audit, evidence per article) — and writes the same columns a published article has.
 */
async function prepare(): Promise<Prepared> {
  const dataDir = mkdtempSync(join(tmpdir(), 'minhbach-newsroom-'));
  const seed = spawnSync(process.execPath, ['bin/minhbach.js', 'seed'], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'true' }, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`minhbach seed failed (${seed.status}):\n${seed.stdout}\n${seed.stderr}`);

  const database = openDatabase({ kind: 'sqlite', file: join(dataDir, 'minhbach.db') });
  try {
    const { db } = database;
    const agency = await db.selectFrom('agencies').select('id').where('code', '=', SEED_AGENCY.code).executeTakeFirstOrThrow();
    const categories = await db.selectFrom('categories').select(['id', 'position']).where('agency_id', '=', agency.id).where('active', '=', 1).orderBy('position').execute();
    if (categories.length === 0) throw new Error('the seed made no categories');
    const taken = new Set((await db.selectFrom('articles').select('slug').where('agency_id', '=', agency.id).execute()).map((r) => r.slug));

    const sample = body();
    if (sanitizeRichText(sample) !== sample) throw new Error('generated bodies are not in the sanitised form');
    const yearStart = Date.UTC(2024, 0, 1);
    const yearMs = Date.UTC(2025, 0, 1) - yearStart;
    const rows: Insertable<ArticleTable>[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const ci = i % categories.length;
      const opening = pick(TITLES[ci % TITLES.length]!);
      const title = `${opening} tại ${pick(PLACES)}`;
      let slug = slugify(title);
      for (let n = 2; taken.has(slug); n++) slug = `${slugify(title)}-${n}`;
      taken.add(slug);
      const published = new Date(yearStart + Math.floor(random() * yearMs));
      const publishedAt = published.toISOString();
      const createdAt = new Date(published.getTime() - int(1, 72) * 3_600_000).toISOString();
      rows.push({
        id: newId(), agency_id: agency.id, category_id: categories[ci]!.id, slug, status: 'published', title,
        summary: `${pick(SENTENCES)}`, body_html: body(), author_id: null, byline: pick(BYLINES), source: random() < 0.3 ? 'Báo Bắc Giang' : null,
        tags: JSON.stringify([...new Set([pick(TAGS), pick(TAGS)])]), cover_media_id: null, cover_alt: null, audio_file_id: null, plan_id: null, task_ids: '[]',
        version: 1, submitted_at: createdAt, approved_by: null, approved_at: createdAt, scheduled_at: null, schedule_job_id: null,
        published_at: publishedAt, first_published_at: publishedAt, unpublished_at: null, published_by: null,
        force_reason: null, force_reviewed_by: null, force_reviewed_at: null, preview_token: null, is_demo: 0, created_by: null, created_at: createdAt, updated_at: publishedAt,
      });
    }

    const t0 = performance.now();
    await database.transaction(async (trx) => {
      // 35 columns × 200 rows stays under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('articles').values(rows.slice(i, i + 200)).execute();
    });
    const insertMs = performance.now() - t0;

    // The search index (as publishing writes it), if that fits in the budget; the first batch decides.
    const index = createSearchIndex(database);
    const t1 = performance.now();
    let indexed = 0;
    let search = '';
    for (let i = 0; i < rows.length; i += 500) {
      await database.transaction(async (trx) => {
        for (const r of rows.slice(i, i + 500)) {
          await index.upsert(trx, { agencyId: r.agency_id, kind: 'article', refId: r.id, title: r.title, summary: r.summary, body: richTextToPlain(r.body_html), url: paths.article(r.slug), publishedAt: r.published_at! });
        }
      });
      indexed = Math.min(rows.length, i + 500);
      const projected = ((performance.now() - t1) / indexed) * rows.length;
      if (indexed < rows.length && projected > SEARCH_INDEX_BUDGET_MS) {
        search = `chỉ mục tìm kiếm: bỏ qua sau ${indexed} bài (ước tính ${(projected / 1000).toFixed(0)} s > ${SEARCH_INDEX_BUDGET_MS / 1000} s; tìm kiếm đo ở bench/search.ts)`;
        break;
      }
    }
    if (!search) search = `chỉ mục tìm kiếm: ${indexed.toLocaleString('vi-VN')} bài trong ${((performance.now() - t1) / 1000).toFixed(1)} s`;
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    return { dataDir, articlePaths: rows.map((r) => paths.article(r.slug)), insertMs, search };
  } finally {
    await database.close();
  }
}

// ───────────────────────── HTTP ─────────────────────────

const useWrk = hasWrk();

interface Measured {
  rate: number;
  /** Requests sent and their failures (non-2xx/3xx, socket errors). */
  requests: number;
  failed: number;
  /** Per load-generator thread: how many addresses of the cycle it asked for (cycling runs only). */
  perThread?: number[];
}

/**
 * wrk script cycling through `list`: thread t asks for items start+t, start+t+T, start+t+2T, …
 * (T threads), so no two threads ask for the same page at once; done() prints each thread's count.
 */
function cycleScript(list: string[]): string {
  return `local paths = {
${list.map((p) => `  ${JSON.stringify(p)},`).join('\n')}
}
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
function init(args)
  start = tonumber(args[1] or "0")
  stride = tonumber(args[2] or "1")
  n = 0
end
function request()
  local i = (start + tid + n * stride) % #paths + 1
  n = n + 1
  return wrk.format(nil, paths[i])
end
function done(summary, latency, requests)
  for _, t in ipairs(threads) do
    io.write(string.format("CYCLE %d %d\\n", t:get("tid"), t:get("n")))
  end
end
`;
}

async function measure(url: string, cycle?: { list: string[]; script: string; start: number }): Promise<Measured> {
  if (useWrk) {
    const args = [`-t${THREADS}`, `-c${connections}`, `-d${seconds}s`, '-H', 'Accept-Encoding: gzip'];
    if (cycle) args.push('-s', cycle.script);
    args.push(url);
    if (cycle) args.push('--', String(cycle.start), String(THREADS));
    // Asynchronous: the bare server lives in this process and must keep answering meanwhile.
    const stdout = await new Promise<string>((resolve, reject) => {
      const wrk = spawn('wrk', args);
      let out = '';
      wrk.stdout.on('data', (d) => (out += d));
      wrk.on('error', reject);
      wrk.on('exit', () => resolve(out));
    });
    const m = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
    const total = /(\d+) requests in/.exec(stdout);
    if (!m || !total) throw new Error(`wrk output not understood:\n${stdout}`);
    const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
    const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
    const failed = non2xx + (socket ? Number(socket[1]) + Number(socket[3]) + Number(socket[4]) : 0);
    const perThread: number[] = [];
    for (const c of stdout.matchAll(/CYCLE (\d+) (\d+)/g)) perThread[Number(c[1])] = Number(c[2]);
    return { rate: Number(m[1]), requests: Number(total[1]), failed, perThread: cycle ? perThread : undefined };
  }
  // The declared type (bench/autocannon.d.ts) covers only the simple form; this uses a little more of it.
  const autocannon = (await import('autocannon')).default as unknown as (opts: Record<string, unknown>) => Promise<{ requests: { average: number; total: number }; non2xx: number; errors: number }>;
  let n = 0;
  const list = cycle?.list;
  const result = await autocannon({
    url, connections, duration: seconds, headers: { 'accept-encoding': 'gzip' },
    ...(list ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: list[(cycle.start + n++) % list.length] }) }] } : {}),
  });
  return { rate: result.requests.average, requests: result.requests.total, failed: result.non2xx + result.errors, perThread: cycle ? [n] : undefined };
}

/**
 * The addresses a cycling run asked for, in about the order the app saw them (the threads'
 * sequences interleaved by progress), to replay against a model of the page cache.
 */
function cycleOrder(list: string[], start: number, perThread: number[]): string[] {
  const T = perThread.length;
  const events: { at: number; path: string }[] = [];
  perThread.forEach((count, t) => {
    for (let k = 0; k < count; k++) events.push({ at: (k + 0.5) / count, path: list[(start + t + k * T) % list.length]! });
  });
  return events.sort((a, b) => a.at - b.at).map((e) => e.path);
}

/** The next start of the cycle: past every address the threads reached, so runs continue it. */
const nextStart = (start: number, perThread: number[]) => Math.max(...perThread.map((count, t) => start + t + count * perThread.length));

/**
 * A model of src/platform/html-cache.ts (insertion-ordered, oldest evicted when full, a hit does
 * not refresh): replays the sequence and counts the misses of its last `measured` requests. The
 * runs are shorter than the cache's 60 s lifetime, so expiry is left out (it only adds misses).
 */
function modelMisses(sequence: string[], measured: number): number {
  const cache = new Set<string>();
  let misses = 0;
  sequence.forEach((key, i) => {
    if (cache.has(key)) return;
    if (i >= sequence.length - measured) misses++;
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.values().next().value!);
    cache.add(key);
  });
  return misses;
}

async function routeCount(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  let n = 0;
  for (const m of text.matchAll(/^http_requests_total\{([^}]*)\} (\d+)/gm)) if (m[1]!.includes('route="/tin-bai/:slug"') && m[1]!.includes('status="200"')) n += Number(m[2]);
  return n;
}

// ───────────────────────── run ─────────────────────────

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const verdict = (ok: boolean) => (ok ? 'đạt' : 'CHƯA ĐẠT');
const num = (x: number) => Math.round(x).toLocaleString('vi-VN');

async function main() {
  const t0 = performance.now();
  const prepared = await prepare();
  const { dataDir, articlePaths } = prepared;
  console.log(`Dữ liệu: seed + ${num(ARTICLES)} bài đã đăng (ghi thẳng vào bảng trong ${(prepared.insertMs / 1000).toFixed(1)} s); ${prepared.search}; chuẩn bị ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const appPort = await freePort();
  // BENCH_PROFILE_DIR=<dir>: the app writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const app: ChildProcess = spawn(process.execPath, [...profile, 'bin/minhbach.js', 'serve'], {
    env: { ...process.env, PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'bench-password' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let bare: Server | undefined;
  let floorServers: Server[] = [];
  const scriptDir = mkdtempSync(join(tmpdir(), 'minhbach-wrk-'));
  try {
    const base = `http://127.0.0.1:${appPort}`;
    await waitFor(`${base}/healthz`);
    const cachedPath = articlePaths[Math.floor(ARTICLES / 2)]!;
    const appUrl = base + cachedPath;

    // Copy the exact response (gzip body as sent, and headers) so both servers send the same bytes.
    const sample = await rawGet(appUrl);
    if (sample.status !== 200 || sample.headers['content-encoding'] !== 'gzip') throw new Error(`${cachedPath}: ${sample.status}, content-encoding ${sample.headers['content-encoding']}`);
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(sample.headers)) {
      if (v !== undefined && !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) headers[k] = v;
    }
    const gz = sample.body;
    const pageHtml = gunzipSync(gz).toString('utf8');
    const htmlBytes = Buffer.byteLength(pageHtml);
    bare = createHttpServer((_req, res) => {
      res.writeHead(200, { ...headers, 'content-length': gz.length });
      res.end(gz);
    });
    const barePort = await freePort();
    await new Promise<void>((r) => bare!.listen(barePort, '127.0.0.1', r));
    // The best any uncached path can do: node:http compressing the page on every request, with no
    // database and no templates. Whatever an app does on a miss comes on top of this.
    const floors = await Promise.all(FLOOR_GZIP_LEVELS.map(async (level) => {
      const server = createHttpServer((_req, res) => {
        const body = gzipSync(Buffer.from(pageHtml, 'utf8'), { level });
        res.writeHead(200, { ...headers, 'content-length': body.length });
        res.end(body);
      });
      const port = await freePort();
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
      return { level, server, port };
    }));
    floorServers = floors.map((f) => f.server);

    // What else the page loads besides images: its stylesheet (kept by the browser afterwards).
    const cssHref = /<link rel="stylesheet" href="([^"]+)"/.exec(pageHtml)?.[1];
    const css = cssHref ? await rawGet(base + cssHref) : undefined;
    const cssBytes = css?.body.length ?? 0;

    const list = articlePaths;
    const script = join(scriptDir, 'cycle.lua');
    writeFileSync(script, cycleScript(list));

    console.log(`Trang bài viết ${cachedPath.slice(0, 60)}…: ${num(htmlBytes)} byte HTML, ${num(gz.length)} byte gzip; ${seconds}s mỗi lượt, ${connections} kết nối, ${useWrk ? `wrk (${THREADS} luồng)` : 'autocannon'}`);

    // Warm-up: JIT, the cached page, and the render path of uncached pages (the cycle starts here).
    await measure(appUrl);
    let start = 0;
    const warm = await measure(appUrl, { list, script, start });
    const sequence = cycleOrder(list, start, warm.perThread!);
    start = nextStart(start, warm.perThread!);

    const bareRun = await measure(`http://127.0.0.1:${barePort}/`);
    const floorRuns = [];
    for (const f of floors) floorRuns.push({ level: f.level, run: await measure(`http://127.0.0.1:${f.port}/`) });
    const cachedRun = await measure(appUrl);
    const before = await routeCount(base);
    const uncachedRun = await measure(appUrl, { list, script, start });
    const served = (await routeCount(base)) - before;

    const measuredSeq = cycleOrder(list, start, uncachedRun.perThread!);
    const misses = modelMisses([...sequence, ...measuredSeq], measuredSeq.length);
    const distinct = new Set(measuredSeq).size;
    const ratioCached = cachedRun.rate / bareRun.rate;
    const ratioUncached = uncachedRun.rate / bareRun.rate;
    const pageBytes = gz.length + cssBytes;

    console.log('');
    console.log(`${'Phép đo'.padEnd(36)} ${'req/s'.padStart(8)} ${'node:http'.padStart(10)} ${'tỉ lệ'.padStart(6)}  mục tiêu  kết quả`);
    const line = (name: string, r: Measured, ratio: number, target: number) =>
      console.log(`${name.padEnd(36)} ${num(r.rate).padStart(8)} ${num(bareRun.rate).padStart(10)} ${pct(ratio).padStart(6)}  ≥ ${pct(target).padEnd(6)} ${verdict(ratio >= target)}`);
    console.log(`${'node:http cùng nội dung (gốc so sánh)'.padEnd(36)} ${num(bareRun.rate).padStart(8)}`);
    line('Bài viết, có trong bộ nhớ đệm', cachedRun, ratioCached, TARGET_CACHED);
    line('Bài viết, không có trong bộ nhớ đệm', uncachedRun, ratioUncached, TARGET_UNCACHED);
    for (const f of floorRuns) {
      console.log(`${`node:http nén gzip mức ${f.level} mỗi yêu cầu`.padEnd(36)} ${num(f.run.rate).padStart(8)} ${num(bareRun.rate).padStart(10)} ${pct(f.run.rate / bareRun.rate).padStart(6)}  (trần của mọi trang không đệm nén mỗi lần: không cơ sở dữ liệu, không mẫu trang)`);
    }
    console.log('');
    console.log(`Không có trong bộ nhớ đệm: ${num(uncachedRun.requests)} yêu cầu qua ${num(distinct)} bài khác nhau (vòng ${num(list.length)} bài > ${num(CACHE_ENTRIES)} trang đệm, hạn ${CACHE_TTL_S} s);`);
    console.log(`  ứng dụng trả 200 cho ${num(served)} yêu cầu /tin-bai/:slug; mô hình bộ nhớ đệm theo đúng thứ tự yêu cầu: trượt ${pct(misses / Math.max(1, measuredSeq.length))} (${num(misses)}/${num(measuredSeq.length)}).`);
    for (const [name, r] of [['node:http', bareRun], ['có đệm', cachedRun], ['không đệm', uncachedRun]] as const) {
      if (r.failed > 0) console.log(`  CẢNH BÁO: ${name}: ${num(r.failed)} yêu cầu lỗi (không phải 2xx/3xx hoặc lỗi kết nối).`);
    }
    console.log(`Dung lượng trang bài viết: ${num(gz.length)} byte gzip (${num(htmlBytes)} byte HTML) + CSS ${num(cssBytes)} byte${css?.headers['content-encoding'] === 'gzip' ? ' gzip' : ''} = ${num(pageBytes)} byte tải về, chưa kể ảnh; mục tiêu ≤ ${num(TARGET_PAGE_BYTES)} byte: ${verdict(pageBytes <= TARGET_PAGE_BYTES)}`);
  } finally {
    bare?.close();
    for (const f of floorServers) f.close();
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
    rmSync(scriptDir, { recursive: true, force: true });
    // BENCH_KEEP_DATA=1 keeps the database for a closer look (its folder is printed).
    if (process.env.BENCH_KEEP_DATA) console.log(`Dữ liệu giữ lại ở ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
