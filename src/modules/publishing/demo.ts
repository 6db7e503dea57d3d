import sharp from 'sharp';
import type { Actor } from '../../platform/access.ts';
import type { PlansService } from '../plans/service.ts';
import type { PublishingService } from './service.ts';
import { DEFAULT_CATEGORIES } from './categories.ts';
import { slugify } from '../../platform/slug.ts';

const DEMO_NOTE = '<p><em>Đây là bài viết mẫu để dùng thử Minh Bạch, không phải tin thật của cơ quan.</em></p>';

/** Topics per category (in DEFAULT_CATEGORIES order): what such an agency's column would carry. */
const TOPICS: string[][] = [
  ['Triển khai kế hoạch tuyên truyền cải cách hành chính năm', 'Hội nghị giao ban công tác cải cách hành chính quý', 'Kiểm tra công tác cải cách hành chính tại các phòng chuyên môn', 'Sơ kết 6 tháng thực hiện nhiệm vụ cải cách hành chính'],
  ['Hướng dẫn nộp hồ sơ thủ tục hành chính qua Bộ phận Một cửa', 'Công khai thủ tục hành chính lĩnh vực công tác dân tộc', 'Thực hiện cơ chế một cửa, một cửa liên thông: những điều người dân cần biết', 'Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia'],
  ['Kết quả giải quyết thủ tục hành chính tháng', 'Tỉ lệ hồ sơ giải quyết đúng hạn quý', 'Công khai kết quả tiếp nhận, trả kết quả hồ sơ', 'Tổng hợp hồ sơ trực tuyến toàn trình'],
  ['Mô hình tuyên truyền cải cách hành chính bằng loa truyền thanh ở thôn bản', 'Sáng kiến hướng dẫn người có uy tín tuyên truyền thủ tục hành chính', 'Cách làm hay trong tiếp nhận hồ sơ tại vùng đồng bào dân tộc thiểu số', 'Nhân rộng mô hình "Tổ công nghệ số cộng đồng"'],
  ['Tìm hiểu Chỉ số cải cách hành chính (PAR Index)', 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) là gì?', 'Chỉ số hiệu quả quản trị và hành chính công (PAPI): người dân đánh giá điều gì', 'Đo lường sự hài lòng của người dân (SIPAS)'],
  ['Tuyên truyền Đề án 06 về dữ liệu dân cư, định danh điện tử', 'Hướng dẫn kích hoạt tài khoản định danh điện tử mức 2', 'Chuyển đổi số trong cơ quan: họp không giấy tờ', 'Thanh toán trực tuyến phí, lệ phí thủ tục hành chính'],
  ['Duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015', 'Đánh giá nội bộ hệ thống quản lý chất lượng', 'Cập nhật quy trình ISO khi thủ tục hành chính thay đổi', 'Vai trò của ISO 9001:2015 trong cải cách hành chính'],
  ['Bảo đảm an toàn thông tin trên môi trường mạng', 'Cảnh giác với tin nhắn, cuộc gọi giả danh cơ quan nhà nước', 'Nhận diện và phản bác thông tin sai sự thật trên mạng xã hội', 'Hướng dẫn đặt mật khẩu an toàn cho cán bộ, công chức'],
];

const PARAGRAPHS = [
  'Thực hiện Kế hoạch tuyên truyền cải cách hành chính của cơ quan, các phòng chuyên môn đã lồng ghép nội dung này vào hoạt động thường xuyên, hướng tới người dân và doanh nghiệp, nhất là đồng bào dân tộc thiểu số ở vùng sâu, vùng xa.',
  'Người dân có thể tra cứu thủ tục hành chính, nộp hồ sơ và theo dõi kết quả giải quyết trên Cổng Dịch vụ công; khi cần hỗ trợ, liên hệ Bộ phận Một cửa của cơ quan trong giờ hành chính.',
  'Cán bộ, công chức được nhắc nhở nâng cao tinh thần trách nhiệm, thái độ phục vụ, giải quyết hồ sơ đúng hạn và công khai, minh bạch.',
  'Mọi ý kiến phản ánh, kiến nghị về quy định hành chính xin gửi về cơ quan qua Cổng thông tin điện tử hoặc trực tiếp tại Bộ phận Một cửa.',
];

/** Real legal documents the column links to (numbers, dates and subjects as promulgated). */
const LEGAL_DOCUMENTS = [
  { numberSymbol: '61/2018/NĐ-CP', docType: 'Nghị định', issuer: 'Chính phủ', signedOn: '2018-04-23', effectiveOn: '2018-06-21', subject: 'Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính' },
  { numberSymbol: '107/2021/NĐ-CP', docType: 'Nghị định', issuer: 'Chính phủ', signedOn: '2021-12-06', effectiveOn: null, subject: 'Sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính' },
  { numberSymbol: '09/2019/NĐ-CP', docType: 'Nghị định', issuer: 'Chính phủ', signedOn: '2019-01-24', effectiveOn: '2019-03-12', subject: 'Quy định về chế độ báo cáo của cơ quan hành chính nhà nước' },
  { numberSymbol: '30/2020/NĐ-CP', docType: 'Nghị định', issuer: 'Chính phủ', signedOn: '2020-03-05', effectiveOn: '2020-03-05', subject: 'Về công tác văn thư' },
  { numberSymbol: '76/NQ-CP', docType: 'Nghị quyết', issuer: 'Chính phủ', signedOn: '2021-07-15', effectiveOn: null, subject: 'Ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030' },
  { numberSymbol: '06/QĐ-TTg', docType: 'Quyết định', issuer: 'Thủ tướng Chính phủ', signedOn: '2022-01-06', effectiveOn: null, subject: 'Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030' },
  { numberSymbol: '766/QĐ-TTg', docType: 'Quyết định', issuer: 'Thủ tướng Chính phủ', signedOn: '2022-06-23', effectiveOn: null, subject: 'Phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử' },
];

/**
 * Demo newsroom for the seed plan's year: four articles per category, published across the
 * year and linked to the plan's article tasks (so they are evidence), plus the national legal
 * documents the plan rests on. Every article is flagged demo and says so in its title and body.
 */
export async function seedDemoNewsroom(deps: { publishing: PublishingService; plans: PlansService }, agencyId: string, planId: string): Promise<{ articles: number; documents: number }> {
  const plan = await deps.plans.planTasks(agencyId, planId);
  if (!plan) return { articles: 0, documents: 0 };
  const seeder: Actor = { userId: '', agencyId, unitId: null, email: 'system', fullName: 'Dữ liệu mẫu', roles: ['editor'] };
  const by = { system: 'demo', agencyId };
  await deps.publishing.categories.ensureDefaultsAs(agencyId, by);
  const categories = await deps.publishing.categories.list(seeder);
  const bySlug = new Map(categories.map((c) => [c.slug, c.id]));
  const articleTasks = plan.tasks.filter((t) => t.kind === 'task' && t.productKinds.includes('article'));
  const COLOURS = ['#a4161a', '#1d4e89', '#2d6a4f', '#7b2cbf', '#b5651d', '#006d77', '#3a5a40', '#6c757d'];
  let articles = 0;
  for (const [ci, topics] of TOPICS.entries()) {
    const categoryId = bySlug.get(slugify(DEFAULT_CATEGORIES[ci]!.name));
    if (!categoryId) continue;
    const cover = await deps.publishing.media.upload(seeder, { name: `anh-minh-hoa-${ci + 1}.png`, base64: (await demoCover(COLOURS[ci % COLOURS.length]!)).toString('base64'), alt: `Ảnh minh hoạ (mẫu) cho chuyên mục ${DEFAULT_CATEGORIES[ci]!.name}` });
    for (const [ti, topic] of topics.entries()) {
      const month = 1 + ((ci * 4 + ti) * 5) % 12;
      const day = 3 + ((ci + ti * 7) % 24);
      const publishedAt = new Date(Date.UTC(plan.year, month - 1, day, 2 + ti, 15)).toISOString();
      const quarter = ['I', 'II', 'III', 'IV'][Math.floor((month - 1) / 3)];
      const when = topic.endsWith('năm') ? ` ${plan.year}` : topic.endsWith('quý') ? ` ${quarter}/${plan.year}` : topic.endsWith('tháng') ? ` ${month}/${plan.year}` : '';
      const title = `${topic}${when} (bài mẫu)`;
      const task = articleTasks[(ci + ti) % Math.max(articleTasks.length, 1)];
      const body = `${DEMO_NOTE}<p>${PARAGRAPHS[(ci + ti) % PARAGRAPHS.length]}</p><h2>Nội dung chính</h2><p>${PARAGRAPHS[(ci + ti + 1) % PARAGRAPHS.length]}</p><ul><li>${PARAGRAPHS[(ci + ti + 2) % PARAGRAPHS.length]}</li><li>${PARAGRAPHS[(ci + ti + 3) % PARAGRAPHS.length]}</li></ul>`;
      const created = await deps.publishing.articles.createAs(seeder, { title, summary: PARAGRAPHS[(ci + ti) % PARAGRAPHS.length]!, bodyHtml: body, categoryId, coverMediaId: ti % 2 === 0 ? cover.id : null, byline: 'Ban biên tập (mẫu)', tags: ['cải cách hành chính'], taskIds: task ? [task.id] : [], translations: ci === 1 && ti === 0 ? [{ lang: 'tyz', title: `${topic} (bản tiếng Tày, mẫu)`, summary: 'Bản mẫu để thử trang nhiều ngôn ngữ.', bodyHtml: `${DEMO_NOTE}<p>Bản dịch tiếng Tày sẽ do cộng tác viên biên dịch; đây là chỗ giữ nội dung.</p>` }] : undefined }, { isDemo: true });
      await deps.publishing.articles.publishDemo(created.id, publishedAt);
      articles += 1;
    }
  }
  for (const d of LEGAL_DOCUMENTS) await deps.publishing.documents.createAs(by, agencyId, d, { isDemo: true });
  return { articles, documents: LEGAL_DOCUMENTS.length };
}

/** A plain illustration (shapes only, no text, so no font is needed): clearly not a news photo. */
function demoCover(colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><rect width="960" height="540" fill="${colour}"/><circle cx="780" cy="120" r="165" fill="#fff" fill-opacity="0.12"/><circle cx="165" cy="465" r="225" fill="#fff" fill-opacity="0.08"/><rect x="90" y="225" width="465" height="27" rx="13" fill="#fff" fill-opacity="0.5"/><rect x="90" y="278" width="345" height="27" rx="13" fill="#fff" fill-opacity="0.35"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
