/**
 * Platform search (src/platform/search) at portal scale: 50 000 Vietnamese article-like
 * documents of one agency (plus 5 000 of a second agency, so agency filtering is real), then
 * ~500 queries from a realistic mix — common words, 2–3 word phrases with and without
 * diacritics, rare words and numbers, misspellings that fall back to OR — through the full API
 * (search + highlight + snippet), three passes (a query's time is its median over the passes).
 * Prints p50/p95/p99 per engine against the 15 ms p95 target, with a same-run baseline: a
 * primary-key lookup of one search_documents row.
 *
 *   npm run bench:search
 *   BENCH_DOCS=5000 npm run bench:search          (a smaller corpus)
 *   BENCH_ENGINES=sqlite npm run bench:search
 *   BENCH_PG_URL=postgres://… npm run bench:search (an existing server, instead of a throwaway cluster)
 *
 * Documents go in through the index's own upsert (as the portal will), in transactions of 500.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type Database, type Engine } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { newId, nowIso } from '../src/db/sql-helpers.ts';
import { createSearchIndex, TOTAL_CAP, type SearchDocumentInput } from '../src/platform/search/index.ts';
import { foldVi } from '../src/platform/vi-text.ts';
import { createPgBenchDatabase, stopPgBenchCluster } from './pg-support.ts';
import { median, percentile, rng } from './measure.ts';

const DOCS = Number(process.env.BENCH_DOCS ?? 50_000);
const OTHER_DOCS = Math.round(DOCS / 10);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 500);
const TARGET_P95_MS = 15;
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()).filter(Boolean) as Engine[];

// ───────────────────────── corpus ─────────────────────────

const CORPUS_SEED = 20_250_601;
const QUERY_SEED = 6;
let random = rng(CORPUS_SEED);
/** Restarts the generator: the corpus is generated again, identical, for each engine. */
const reseed = (seed: number) => {
  random = rng(seed);
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const zipfWeights = new Map<string, number[]>();
/** Zipf-like: early entries are much more frequent, as topics are in real news. */
const pickZipf = <T>(list: readonly T[], s = 1): T => {
  const key = `${list.length}:${s}:${String(list[0])}`;
  let cumulative = zipfWeights.get(key);
  if (!cumulative) {
    let sum = 0;
    cumulative = list.map((_, i) => (sum += 1 / (i + 1) ** s));
    zipfWeights.set(key, cumulative);
  }
  const r = random() * cumulative[cumulative.length - 1]!;
  const i = cumulative.findIndex((c) => r <= c);
  return list[i < 0 ? list.length - 1 : i]!;
};
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const TOPICS = [
  'cải cách hành chính', 'thủ tục hành chính', 'chuyển đổi số', 'dịch vụ công trực tuyến', 'một cửa liên thông',
  'Đề án 06', 'Chỉ số PAR Index', 'chính quyền điện tử', 'tuyên truyền cải cách hành chính', 'đăng ký kinh doanh',
  'dân tộc thiểu số', 'Cổng dịch vụ công quốc gia', 'định danh và xác thực điện tử', 'căn cước công dân', 'số hóa hồ sơ',
  'thanh toán trực tuyến', 'Chỉ số SIPAS', 'sự hài lòng của người dân', 'kỷ luật, kỷ cương hành chính', 'phổ biến, giáo dục pháp luật',
  'xây dựng nông thôn mới', 'giảm nghèo bền vững', 'Chương trình mục tiêu quốc gia', 'vùng đồng bào dân tộc thiểu số và miền núi',
  'cấp giấy chứng nhận quyền sử dụng đất', 'đăng ký khai sinh', 'chứng thực bản sao điện tử', 'lý lịch tư pháp', 'hóa đơn điện tử',
  'giải ngân vốn đầu tư công', 'tinh giản biên chế', 'vị trí việc làm', 'chữ ký số', 'hồ sơ công việc trên môi trường mạng',
  'bảo hiểm xã hội', 'bảo hiểm y tế', 'cấp giấy phép xây dựng', 'hộ tịch điện tử', 'ứng dụng VNeID', 'chính sách dân tộc',
] as const;
const ORGS = [
  'Ban Dân tộc tỉnh', 'Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Sở Thông tin và Truyền thông', 'Trung tâm Phục vụ hành chính công',
  'UBND huyện', 'Công an tỉnh', 'Sở Tư pháp', 'Sở Kế hoạch và Đầu tư', 'Sở Tài nguyên và Môi trường', 'Bảo hiểm xã hội tỉnh',
  'Đoàn Thanh niên', 'Hội Liên hiệp Phụ nữ', 'UBND xã',
] as const;
const PLACES = [
  'tỉnh Bắc Giang', 'huyện Lục Ngạn', 'huyện Sơn Động', 'huyện Yên Thế', 'thành phố Bắc Giang', 'huyện Lục Nam', 'huyện Lạng Giang',
  'xã Vân Sơn', 'xã Hữu Sản', 'xã An Lạc', 'xã Phong Minh', 'thị trấn Thắng', 'xã Xuân Lương', 'xã Đồng Tâm', 'thôn Khe Nghè',
  'bản Đồng Bài', 'xã Tuấn Đạo', 'xã Cấm Sơn', 'thôn Nà Ó', 'xã Sơn Hải',
] as const;
const VERBS = [
  'triển khai', 'hướng dẫn', 'tổ chức', 'kiểm tra', 'đánh giá', 'tổng kết', 'sơ kết', 'ban hành', 'phê duyệt', 'đẩy mạnh',
  'nâng cao hiệu quả', 'tăng cường', 'tập huấn', 'giám sát', 'rà soát',
] as const;
const GOALS = [
  'nâng cao chất lượng phục vụ người dân và doanh nghiệp', 'cải thiện Chỉ số PAR Index của tỉnh', 'giảm thời gian giải quyết hồ sơ',
  'xây dựng nền hành chính phục vụ, chuyên nghiệp, hiện đại', 'bảo đảm quyền lợi của đồng bào dân tộc thiểu số',
  'thúc đẩy phát triển kinh tế - xã hội của địa phương', 'tạo thuận lợi cho người dân khi thực hiện thủ tục hành chính',
] as const;
const PEOPLE = ['đồng chí Nguyễn Văn Hùng', 'đồng chí Hoàng Thị Lan', 'bà Lương Thị Thu', 'ông Vi Văn Thành', 'đồng chí Đặng Quốc Khánh', 'ông Triệu Văn Páo', 'bà Lý Thị Mai'] as const;

const year = () => int(2019, 2026);
const docNo = () => `${int(1, 3999)}/${pick(['QĐ-UBND', 'KH-UBND', 'KH-BDT', 'CV-SNV', 'TB-VP'])}`;

function title(): string {
  const t = pickZipf(TOPICS, 0.8);
  switch (int(0, 6)) {
    case 0: return `${pick(ORGS)} ${pick(VERBS)} ${t} năm ${year()}`;
    case 1: return `Hội nghị ${pick(['sơ kết', 'tổng kết'])} công tác ${t} ${pick(['6 tháng đầu năm', 'năm', 'quý I', 'quý III'])} ${year()}`;
    case 2: return `${capital(pick(VERBS))} ${t} tại ${pick(PLACES)}`;
    case 3: return `Kế hoạch ${t} giai đoạn ${pick(['2021–2025', '2026–2030'])}`;
    case 4: return `Quyết định số ${docNo()} về ${t}`;
    case 5: return `${pick(PLACES).replace(/^./, (c) => c.toUpperCase())}: ${t} gắn với ${pickZipf(TOPICS)}`;
    default: return `${capital(t)}: ${pick(['kết quả bước đầu', 'những điểm mới', 'hướng dẫn thực hiện', 'hỏi đáp', 'thông tin cần biết'])}`;
  }
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(): string {
  const t = pickZipf(TOPICS, 0.8);
  switch (int(0, 9)) {
    case 0: return `Thực hiện Kế hoạch số ${docNo()} ngày ${int(1, 28)}/${int(1, 12)}/${year()} của UBND tỉnh về ${t}, ${pick(ORGS)} đã ${pick(VERBS)} ${pickZipf(TOPICS)} tại ${pick(PLACES)}.`;
    case 1: return `Kết quả, ${int(80, 100)}% hồ sơ được giải quyết đúng hạn, ${int(10, 5000)} hồ sơ trực tuyến toàn trình được tiếp nhận qua ${pick(['Cổng dịch vụ công quốc gia', 'Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh', 'bộ phận một cửa'])}.`;
    case 2: return `Trong thời gian tới, ${pick(ORGS)} tiếp tục ${pick(VERBS)} ${t}, góp phần ${pick(GOALS)}.`;
    case 3: return `Phát biểu tại hội nghị, ${pick(PEOPLE)} đề nghị các cơ quan, đơn vị ${pick(VERBS)} ${t} và ${pickZipf(TOPICS)}.`;
    case 4: return `Công tác ${t} được quan tâm chỉ đạo thường xuyên, nhất là tại ${pick(PLACES)} và ${pick(PLACES)}.`;
    case 5: return `Bên cạnh kết quả đạt được, việc ${pick(VERBS)} ${t} vẫn còn khó khăn do hạ tầng công nghệ thông tin ở vùng sâu, vùng xa còn hạn chế.`;
    case 6: return `Người dân có thể tra cứu thông tin về ${t} trên Cổng thông tin điện tử của tỉnh hoặc liên hệ trực tiếp ${pick(ORGS)}.`;
    case 7: return `Năm ${year()}, toàn tỉnh có ${int(100, 900)} thủ tục hành chính được cung cấp dịch vụ công trực tuyến, tỉ lệ số hóa hồ sơ đạt ${int(40, 99)}%.`;
    case 8: return `Đoàn công tác đã làm việc với ${pick(ORGS)} về ${t}, ghi nhận nhiều cách làm hay như mô hình "${pick(['Tổ công nghệ số cộng đồng', 'Ngày thứ Bảy cùng dân', 'Bình dân học vụ số', 'Dân vận khéo', 'Một cửa thân thiện'])}".`;
    default: return `Đây là nhiệm vụ trọng tâm nhằm ${pick(GOALS)}, thực hiện hiệu quả ${pickZipf(TOPICS)}.`;
  }
}

/** ~300 words: sentences until the body has that many words. News of 2020–2021 often mentions the pandemic. */
function body(year: number): string {
  const out: string[] = [];
  let words = 0;
  if ((year === 2020 || year === 2021) && random() < 0.4) {
    out.push(`Trong bối cảnh phòng, chống dịch COVID-19, ${pick(ORGS)} đã chuyển sang tiếp nhận hồ sơ trực tuyến và qua dịch vụ bưu chính công ích.`);
  }
  while (words < 300) {
    const s = sentence();
    out.push(s);
    words += s.split(/\s+/).length;
  }
  return out.join(' ');
}

function makeDoc(agencyId: string, i: number): SearchDocumentInput {
  // agencyId is filled in by the loader.
  const published = new Date(Date.UTC(2019, 0, 1) + Math.floor(random() * 7.9 * 365 * 86_400_000));
  const b = body(published.getUTCFullYear());
  return {
    agencyId,
    kind: random() < 0.85 ? 'article' : 'document',
    refId: `doc-${i}`,
    title: title(),
    summary: b.slice(0, b.indexOf('.', 120) + 1 || 160),
    body: b,
    url: `/tin-tuc/bai-${i}`,
    publishedAt: published.toISOString(),
  };
}

// ───────────────────────── queries ─────────────────────────

type Category = 'từ phổ biến' | 'cụm 2–3 từ' | 'không dấu' | 'từ hiếm, số' | 'gõ sai (→ OR)' | 'lọc loại';

function phraseOf(text: string): string {
  const words = text.replace(/[,:]/g, '').split(' ');
  const n = Math.min(words.length, int(2, 3));
  const start = int(0, words.length - n);
  return words.slice(start, start + n).join(' ');
}

function queries(): { q: string; category: Category; kinds?: string[] }[] {
  const out: { q: string; category: Category; kinds?: string[] }[] = [];
  const common = ['hành chính', 'cải cách', 'thủ tục', 'người dân', 'tỉnh', 'chuyển đổi số', 'dịch vụ công', 'dân tộc', 'hồ sơ', 'kết quả'];
  for (let i = 0; i < QUERIES; i++) {
    const r = random();
    if (r < 0.2) out.push({ q: pick(common), category: 'từ phổ biến' });
    else if (r < 0.5) out.push({ q: phraseOf(pickZipf(TOPICS, 0.5)), category: 'cụm 2–3 từ' });
    else if (r < 0.75) out.push({ q: foldVi(random() < 0.5 ? phraseOf(pickZipf(TOPICS, 0.5)) : pick(common)), category: 'không dấu' });
    else if (r < 0.9) {
      const rare = [pick(PLACES), pick(PEOPLE).split(' ').slice(-2).join(' '), docNo(), `${int(1, 3999)}`, 'Nà Ó', 'Khe Nghè', 'Đề án 06', 'VNeID', 'SIPAS', 'Bình dân học vụ số', 'COVID-19', 'dịch vụ bưu chính công ích', 'Páo'];
      out.push({ q: pick(rare), category: 'từ hiếm, số' });
    } else if (r < 0.95) out.push({ q: `${phraseOf(pickZipf(TOPICS, 0.5))} ${pick(['xyz', 'hanhh', 'thutuc', 'cchc2025', 'đăngki'])}`, category: 'gõ sai (→ OR)' });
    else out.push({ q: pick(common), category: 'lọc loại', kinds: ['document'] });
  }
  return out;
}

// ───────────────────────── engines ─────────────────────────

interface Target {
  database: Database;
  size(): Promise<string>;
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fileSize = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'minhbach-search-'));
  const file = join(dir, 'search.db');
  const database = openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(database);
  return {
    database,
    async size() {
      return `${mb(fileSize(file))} (+ WAL ${mb(fileSize(`${file}-wal`))})`;
    },
    async settle() {
      database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
      // What a running installation does from time to time: merge FTS5 segments.
      await sql`insert into search_fts (search_fts) values ('optimize')`.execute(database.db);
      database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    },
    async dispose() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const created = await createPgBenchDatabase('search');
  const url = new URL(created.url);
  const database = openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(database);
  return {
    database,
    async size() {
      const r = await sql<{ total: string; tsv_index: string }>`select pg_total_relation_size('search_documents') as total,
        pg_relation_size('search_documents_lex') as tsv_index`.execute(database.db);
      return `search_documents ${mb(Number(r.rows[0]!.total))} (GIN ${mb(Number(r.rows[0]!.tsv_index))})`;
    },
    async settle() {
      await sql`vacuum analyze search_documents`.execute(database.db);
    },
    async dispose() {
      await database.close();
      await created.drop();
    },
  };
}

async function addAgency(database: Database, code: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await database.db.insertInto('agencies').values({ id, code, hostname: null, address: null, phone: null, email: null, website: null, is_demo: 0, created_at: now, updated_at: now }).execute();
  return id;
}

async function runEngine(engine: Engine, mix: ReturnType<typeof queries>) {
  console.log(`\n== ${engine === 'sqlite' ? 'SQLite (tệp, WAL, FTS5)' : 'PostgreSQL (tsvector, GIN)'} ==`);
  const target = engine === 'sqlite' ? await sqliteTarget() : await postgresTarget();
  try {
    const { database } = target;
    const index = createSearchIndex(database);
    const main = await addAgency(database, 'bench-main');
    const other = await addAgency(database, 'bench-other');
    // The same corpus for every engine, generated batch by batch (not held in memory while measuring).
    reseed(CORPUS_SEED);
    const total = DOCS + OTHER_DOCS;
    const concurrency = engine === 'postgres' ? 3 : 1; // SQLite has one connection
    const inFlight = new Set<Promise<void>>();
    let pkRow: { kind: string; refId: string } | undefined;
    const t0 = performance.now();
    for (let i = 0; i < total; i += 500) {
      const batch = Array.from({ length: Math.min(500, total - i) }, (_, k) => ({ ...makeDoc('', i + k), agencyId: i + k < DOCS ? main : other }));
      pkRow ??= i + 500 > DOCS / 2 ? batch[Math.floor(DOCS / 2) - i] : undefined;
      const p = database.transaction(async (trx) => {
        for (const d of batch) await index.upsert(trx, d);
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
      if (process.stdout.isTTY) process.stdout.write(`\r  nạp ${(i + 500).toLocaleString('vi-VN')} tài liệu, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    await Promise.all(inFlight);
    const loadMs = performance.now() - t0;
    await target.settle();
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(`  nạp ${total.toLocaleString('vi-VN')} tài liệu (${DOCS.toLocaleString('vi-VN')} của cơ quan đo + ${OTHER_DOCS.toLocaleString('vi-VN')} của cơ quan khác) qua upsert, ${concurrency} giao dịch song song, trong ${(loadMs / 1000).toFixed(1)} s (${((loadMs * concurrency) / total).toFixed(2)} ms/tài liệu mỗi kết nối)`);
    console.log(`  dung lượng: ${await target.size()}`);

    // Warm-up: a pass over a tenth of the mix (caches, statement plans).
    for (const { q, kinds } of mix.slice(0, Math.ceil(mix.length / 10))) await index.search(main, q, { kinds });

    // PASSES passes over the whole mix; a query's time is its median over the passes, which
    // filters out the scheduler (this machine's cores are shared) without repeating a query
    // back to back. Raw single timings are reported too.
    const samples: number[][] = mix.map(() => []);
    const totals: { total: number; exact: boolean }[] = [];
    const loadBefore = loadavg()[0]!;
    for (let pass = 0; pass < PASSES; pass++) {
      for (let i = 0; i < mix.length; i++) {
        const { q, kinds } = mix[i]!;
        const t = performance.now();
        const r = await index.search(main, q, { kinds });
        samples[i]!.push(performance.now() - t);
        totals[i] = { total: r.total, exact: r.totalExact };
      }
    }
    const load = (loadBefore + loadavg()[0]!) / 2;
    const baseline = await median(200, () =>
      database.db.selectFrom('search_documents').select(['title', 'url']).where('agency_id', '=', main).where('kind', '=', pkRow!.kind).where('ref_id', '=', pkRow!.refId).executeTakeFirstOrThrow(),
    );
    const perQuery = samples.map((s) => [...s].sort((a, b) => a - b)[Math.floor(s.length / 2)]!);
    const sorted = [...perQuery].sort((a, b) => a - b);
    const raw = samples.flat().sort((a, b) => a - b);
    const [p50, p95, p99] = [percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)];
    console.log(`  ${mix.length} truy vấn qua search() (tìm + tô sáng + trích đoạn), ${PASSES} lượt, thời gian mỗi truy vấn = trung vị các lượt; tải máy (loadavg) ${load.toFixed(1)} trên ${cpus().length} lõi:`);
    const categories = [...new Set(mix.map((m) => m.category))];
    for (const category of categories) {
      const idx = mix.map((m, i) => (m.category === category ? i : -1)).filter((i) => i >= 0);
      const s = idx.map((i) => perQuery[i]!).sort((a, b) => a - b);
      const capped = idx.filter((i) => !totals[i]!.exact).length;
      const exact = idx.filter((i) => totals[i]!.exact).map((i) => totals[i]!.total).sort((a, b) => a - b);
      console.log(`    ${category.padEnd(16)} ${String(s.length).padStart(4)} truy vấn  p50 ${percentile(s, 50).toFixed(1).padStart(5)} ms  p95 ${percentile(s, 95).toFixed(1).padStart(5)} ms  (kết quả: ${capped} truy vấn > ${TOTAL_CAP}${exact.length ? `, còn lại trung vị ${percentile(exact, 50)}` : ''})`);
    }
    const verdict = p95 <= TARGET_P95_MS ? 'đạt' : 'CHƯA ĐẠT';
    console.log(`  TỔNG CỘNG: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (mục tiêu p95 ≤ ${TARGET_P95_MS} ms: ${verdict}); từng lần đo riêng lẻ: p50 ${percentile(raw, 50).toFixed(1)}, p95 ${percentile(raw, 95).toFixed(1)}, p99 ${percentile(raw, 99).toFixed(1)} ms`);
    console.log(`  mốc cùng lượt chạy: tra khóa chính một dòng ${baseline.toFixed(2)} ms (trung vị 200 lần); p50/tra khóa ${(p50 / baseline).toFixed(0)}×, p95/tra khóa ${(p95 / baseline).toFixed(0)}×`);
  } finally {
    await target.dispose();
  }
}

reseed(QUERY_SEED);
const mix = queries();
reseed(CORPUS_SEED);
const sample = makeDoc('', 0);
console.log(`Kho: ${(DOCS + OTHER_DOCS).toLocaleString('vi-VN')} tài liệu sinh tất định (cùng một kho cho mỗi CSDL), thân bài ~300 từ; ${mix.length} truy vấn`);
console.log(`Ví dụ: «${sample.title}» — ${sample.body.slice(0, 160)}…`);
try {
  for (const engine of engines) await runEngine(engine, mix);
} finally {
  stopPgBenchCluster();
}
