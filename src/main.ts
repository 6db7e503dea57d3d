import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildServices, type Services } from './services.ts';
import { dryRunImport, planCommand } from './modules/plans/cli.ts';
import { reportCommand } from './modules/reporting/cli.ts';
import { seedPlans } from './modules/plans/seed.ts';
import { seedDemoEvidence } from './modules/evidence/demo.ts';
import { seedDemoNewsroom } from './modules/publishing/demo.ts';
import { seedDemoProcedures } from './modules/procedures/demo.ts';
import { seedDemoResults } from './modules/service-stats/demo.ts';
import { seedDemoFeedback } from './modules/feedback/demo.ts';
import { seedPublishedIndices } from './modules/indices/seed.ts';
import { seedDemoSurveys } from './modules/surveys/demo.ts';
import { seedDemoEvents } from './modules/outreach-events/demo.ts';
import { SEED_AGENCY } from './modules/org/seed-data.ts';
import { ConfigError, ensureSecretsKey, ensureSessionSecret, loadConfig, redactUrl, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { withStartupLock } from './db/startup-lock.ts';
import { findOrphanObjects } from './platform/files/orphans.ts';
import { BackupError, backupDatabase, restoreDatabase } from './db/backup.ts';
import { seedDatabase } from './modules/org/seed.ts';
import { DomainError } from './platform/errors.ts';
import { UsageError } from './cli-errors.ts';

const HELP = `minhbach — Minh Bạch: kế hoạch và báo cáo tuyên truyền cải cách hành chính

Cách dùng: minhbach <lệnh> [tuỳ chọn]

Lệnh:
  serve                      chạy cổng thông tin và trang quản trị (npm start)
  migrate                    cập nhật cấu trúc cơ sở dữ liệu
  seed                       nạp cơ quan mẫu (và dữ liệu dùng thử nếu CSDL trống)
  user list                  liệt kê tài khoản
  user add --email E --name "Họ tên" --role admin[,coordinator…] [--unit HC-TH]
           [--agency bdt-bacgiang] [--password P]
                             thêm tài khoản (không có --password: sinh mật khẩu và in ra)
  user set-password <email> [--password P]
                             đặt mật khẩu mới (không có --password: sinh và in ra)
  agency add <mã> --name "Tên đầy đủ" --short "Tên ngắn" --abbr SNV --place "Bắc Giang"
           --province <mã tỉnh> [--parent "UBND tỉnh …"]
                             thêm một cơ quan của tỉnh (Sở Nội vụ của tỉnh đó theo dõi được)
  import-plan <tệp> [--dry-run] [--json] [--agency mã]
                             nhập kế hoạch từ PDF, DOCX, XLSX hoặc văn bản (--dry-run: chỉ đọc, không lưu)
  export-plan <id> --format docx|xlsx --out <tệp>
                             xuất kế hoạch theo thể thức Nghị định 30 (DOCX) hoặc bảng nhiệm vụ (XLSX)
  plans list [--json] [--agency mã]
                             liệt kê kế hoạch (id, năm, số, tiêu đề, trạng thái, số nhiệm vụ)
  report generate --plan <id> --period 2024-Q1 --out <tệp.docx> [--annex <tệp.xlsx>]
                             báo cáo kết quả thực hiện kế hoạch trong kỳ (DOCX Nghị định 30 và phụ lục XLSX)
  files orphans [--delete]   tệp trong kho S3 không còn bản ghi nào (giao dịch bị huỷ), --delete: xoá chúng
  backup <tệp>               sao lưu trực tuyến (SQLite hoặc PostgreSQL qua pg_dump), nhất quán khi ứng dụng đang chạy
  restore <tệp> [--force]    khôi phục từ tệp sao lưu (PostgreSQL: vào CSDL trống; --force: thay thế CSDL đang có)
  --help                     hướng dẫn này

Cấu hình bằng biến môi trường (xem README): PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL,
ADMIN_EMAIL, ADMIN_PASSWORD, SESSION_SECRET, SMTP_URL, LOG_LEVEL, SEED_DEMO, DEFAULT_AGENCY.
`;

// Exit codes: 0 done, 1 the operation failed, 2 bad usage or configuration.

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      agency: { type: 'string' },
      password: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      plan: { type: 'string' },
      period: { type: 'string' },
      annex: { type: 'string' },
      short: { type: 'string' },
      abbr: { type: 'string' },
      place: { type: 'string' },
      parent: { type: 'string' },
      province: { type: 'string' },
      delete: { type: 'boolean' },
      force: { type: 'boolean' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  const config = ensureSecretsKey(ensureSessionSecret(loadConfig()));

  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return withDatabase(config, async (database) => {
        const applied = await withStartupLock(database, () => migrateToLatest(database));
        console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
      });
    case 'seed':
      return withDatabase(config, (database) => withStartupLock(database, async () => {
        await migrateToLatest(database);
        const services = buildServices(config, database);
        const seeded = await seedDatabase(database, services.audit, { demo: config.seedDemo });
        printSeed(seeded);
        await seedSeedAgencyPlan(services, seeded.demoLoaded);
      }));
    case 'user':
      return withDatabase(config, async (database) => {
        await migrateToLatest(database);
        const { accounts } = buildServices(config, database);
        if (sub === 'list') {
          for (const u of await accounts.listUsers()) console.log(`${u.agency_code}\t${u.email}\t${u.full_name}${u.active ? '' : '\t(ngừng hoạt động)'}${u.is_demo ? '\t(mẫu)' : ''}`);
        } else if (sub === 'add') {
          if (!values.email || !values.name || !values.role) throw new UsageError('user add cần --email, --name và --role.');
          const r = await accounts.addUser({ agencyCode: values.agency ?? config.defaultAgency, email: values.email, fullName: values.name, roles: values.role.split(','), unit: values.unit, password: values.password });
          console.log(`Đã tạo tài khoản ${r.email}.${r.password ? ` Mật khẩu: ${r.password}` : ''}`);
        } else if (sub === 'set-password') {
          const email = arg ?? values.email;
          if (!email) throw new UsageError('user set-password cần email.');
          const { generatePassword } = await import('./platform/auth/passwords.ts');
          const password = values.password ?? generatePassword();
          await accounts.setPassword(email, password);
          console.log(`Đã đặt mật khẩu mới cho ${email}.${values.password ? '' : ` Mật khẩu: ${password}`}`);
        } else throw new UsageError('Lệnh user cần: list, add hoặc set-password.');
      });
    case 'agency':
      return withDatabase(config, async (database) => {
        await migrateToLatest(database);
        if (sub !== 'add') throw new UsageError('Lệnh agency cần: add.');
        if (!arg || !values.name || !values.short || !values.abbr || !values.place || !values.province) throw new UsageError('agency add cần <mã>, --name, --short, --abbr, --place và --province.');
        const r = await buildServices(config, database).accounts.addAgency({ code: arg, name: values.name, shortName: values.short, abbreviation: values.abbr, parentName: values.parent ?? null, place: values.place, provinceCode: values.province });
        console.log(`Đã thêm cơ quan ${r.code} (tỉnh ${values.province}).`);
      });
    case 'import-plan':
      if (values['dry-run']) {
        await dryRunImport(positionals.slice(1), values);
        return 0;
      }
    // falls through: a real import needs the database
    case 'export-plan':
    case 'plans':
      return withDatabase(config, async (database) => {
        await migrateToLatest(database);
        await planCommand(buildServices(config, database), command, positionals.slice(1), { ...values, agency: values.agency ?? config.defaultAgency });
      });
    case 'report':
      return withDatabase(config, async (database) => {
        await migrateToLatest(database);
        await reportCommand(buildServices(config, database), positionals.slice(1), { ...values, agency: values.agency ?? config.defaultAgency });
      });
    case 'files':
      return withDatabase(config, async (database) => {
        if (sub !== 'orphans') throw new UsageError('Lệnh files cần: orphans [--delete].');
        const { objectStorage } = buildServices(config, database);
        if (!objectStorage) throw new UsageError('Tệp đang lưu trong cơ sở dữ liệu (FILE_STORAGE=database): không có kho S3 để dọn.');
        const { orphans, removed } = await findOrphanObjects(database, objectStorage, { remove: values.delete });
        for (const key of orphans) console.log(key);
        console.log(values.delete ? `Đã xoá ${removed} tệp mồ côi trong kho S3.` : `${orphans.length} tệp mồ côi (cũ hơn 1 giờ, không bản ghi nào dùng). Thêm --delete để xoá.`);
      });
    case 'backup':
    case 'restore':
      return backupOrRestore(config, command, sub, values.force === true);
    default:
      throw new UsageError(`Không có lệnh "${command}". Xem minhbach --help.`);
  }
}

async function serve(config: Config): Promise<number> {
  const database = openDatabase(config.database);
  // Loaded only here: the HTTP stack is the slow part of starting, and other commands skip it.
  const { buildApp } = await import('./app.ts');
  // Several processes may start together (docs/production.md): one migrates and seeds, the others wait, then find it done.
  const { app, services, admin } = await withStartupLock(database, async () => {
    await migrateToLatest(database);
    const built = await buildApp({ config, database });
    const seeded = await seedDatabase(database, built.services.audit, { demo: config.seedDemo });
    if (seeded.agencyCreated) printSeed(seeded);
    await seedSeedAgencyPlan(built.services, seeded.demoLoaded);
    return { ...built, admin: await built.services.accounts.ensureBootstrapAdmin(config) };
  });
  if (admin?.password) {
    console.log(`\n*** Tài khoản quản trị đầu tiên (in một lần, hãy đổi mật khẩu sau khi đăng nhập) ***\n    Email: ${admin.email}\n    Mật khẩu: ${admin.password}\n`);
  }
  if (services.objectStorage) {
    // Not fatal: reading old files and everything else still works; uploads answer 503 until it is fixed.
    await services.objectStorage.check().catch((err: unknown) =>
      console.error(`Không truy cập được kho lưu trữ tệp S3 (${config.fileStorage.kind === 's3' ? config.fileStorage.bucket : ''}): ${err instanceof Error ? err.message : String(err)}. Tải tệp lên sẽ báo lỗi cho đến khi cấu hình S3_* đúng.`));
  }
  await services.reminders.register();
  services.jobs.start(config.jobPollMs);
  await services.cacheSync.start(config.cacheSyncMs);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await services.jobs.stop();
    await services.cacheSync.stop();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'postgres' ? `PostgreSQL ${redactUrl(config.database.url)}` : `SQLite ${config.database.file}`;
  console.log(`Minh Bạch đang chạy: ${config.publicUrl}/ (quản trị: ${config.publicUrl}/admin/, API: ${config.publicUrl}/docs) — ${where}`);
  return new Promise<number>(() => {});
}

/** The seed agency's 2024 plan, imported through the same importer as users' files. */
async function seedSeedAgencyPlan(services: Services, demo: boolean) {
  const agency = await services.org.agencyByCode(SEED_AGENCY.code);
  // Real published values of the agency's province, in every database (not demo data).
  if (agency) {
    const indices = await seedPublishedIndices(services, agency.id);
    if (indices) console.log(`Đã nạp ${indices} chỉ số đã công bố của tỉnh Bắc Giang (PAR Index, PCI, PAPI, SIPAS), kèm nguồn.`);
  }
  try {
    const planId = agency && (await seedPlans({ plans: services.plans, imports: services.planImports }, agency.id));
    if (!agency || !planId) return;
    console.log('Đã nạp Kế hoạch tuyên truyền CCHC năm 2024 của Ban Dân tộc (nhập từ văn bản gốc).');
    await services.publishing.categories.ensureDefaultsAs(agency.id, { system: 'seed', agencyId: agency.id });
    if (demo) console.log(`Đã thêm ${await seedDemoEvidence(services, agency.id, planId)} minh chứng mẫu năm 2024 (đánh dấu "mẫu").`);
    if (demo) {
      const newsroom = await seedDemoNewsroom(services, agency.id, planId);
      console.log(`Đã đăng ${newsroom.articles} bài viết mẫu năm 2024 trên chuyên mục CCHC và ${newsroom.documents} văn bản pháp luật liên quan.`);
      const procedures = await seedDemoProcedures(services, agency.id, planId);
      console.log(`Đã nạp ${procedures.procedures} thủ tục hành chính mẫu và ${procedures.decisions} quyết định công bố mẫu (đánh dấu "mẫu").`);
      console.log(`Đã nạp ${await seedDemoResults(services, agency.id, 2024)} dòng kết quả giải quyết TTHC mẫu năm 2024 (đánh dấu "mẫu").`);
      console.log(`Đã nạp ${await seedDemoFeedback(services, agency.id)} phản ánh, kiến nghị mẫu (đánh dấu "mẫu").`);
      console.log(`Đã nạp ${await seedDemoSurveys(services, agency.id, 2024)} phiếu khảo sát mức độ hài lòng mẫu năm 2024 (đánh dấu "mẫu").`);
      console.log(`Đã ghi ${await seedDemoEvents(services, agency.id, planId)} hội nghị, tập huấn, hoạt động tuyên truyền mẫu năm 2024 ở các xã miền núi mẫu (đánh dấu "mẫu").`);
      console.log(`Đã thêm ${await services.social.seedDemo(agency.id)} kênh mạng xã hội mẫu (chưa kết nối, đánh dấu "mẫu").`);
    }
  } catch (err) {
    // A seed that cannot be read must not keep the application from starting.
    console.error('Không nạp được kế hoạch mẫu năm 2024:', err instanceof Error ? err.message : err);
  }
}

function printSeed(r: Awaited<ReturnType<typeof seedDatabase>>) {
  console.log(r.agencyCreated ? 'Đã nạp cơ quan: Ban Dân tộc tỉnh Bắc Giang.' : 'Cơ quan mẫu đã có sẵn.');
  if (r.demoLoaded) {
    console.log('Đã nạp dữ liệu dùng thử (đánh dấu "mẫu"). Tài khoản dùng thử:');
    for (const a of r.demoAccounts) console.log(`    ${a.email}  /  ${a.password}`);
  }
}

async function withDatabase(config: Config, fn: (database: Database) => Promise<void>): Promise<number> {
  const database = openDatabase(config.database);
  try {
    await fn(database);
    return 0;
  } finally {
    await database.close();
  }
}

async function backupOrRestore(config: Config, command: 'backup' | 'restore', file: string | undefined, force: boolean): Promise<number> {
  if (!file) throw new UsageError(`${command} cần đường dẫn tệp.`);
  const target = resolve(file);
  const where = config.database.kind === 'postgres' ? redactUrl(config.database.url) : config.database.file;
  if (command === 'backup') {
    await backupDatabase(config.database, target);
    console.log(`Đã sao lưu ${where} vào ${target}.`);
    return 0;
  }
  await restoreDatabase(config.database, target, { force });
  console.log(`Đã khôi phục ${where} từ ${target}. Hãy khởi động lại ứng dụng nếu đang chạy.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((err as Error).message);
      process.exit(2);
    }
    if (err instanceof DomainError || err instanceof BackupError) {
      console.error(err.message);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  },
);
