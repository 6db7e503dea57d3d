import type { AgencyView } from '../modules/org/schema.ts';
import { articleList } from '../modules/publishing/portal.ts';
import { paths, type PublicArticleCard } from '../modules/publishing/public-views.ts';
import { feedbackPaths } from '../modules/feedback/paths.ts';
import { procedurePaths } from '../modules/procedures/paths.ts';
import { formatDateVi } from '../platform/vi-text.ts';
import type { PortalAgency } from './components/layout.ts';
import { html, type SafeHtml } from './html.ts';

/** What the portal needs of an agency, from the organisation service's view. */
export function portalAgencyOf(a: AgencyView): PortalAgency {
  return {
    name: a.current.name,
    shortName: a.current.shortName,
    parentName: a.current.parentName,
    address: a.address,
    phone: a.phone,
    email: a.email,
    website: a.website,
    formerNames: a.names.filter((n) => n.id !== a.current.id && (n.validTo ?? '9999') < (a.current.validFrom ?? '0000')).map((n) => n.name).reverse(),
    isDemo: a.isDemo,
  };
}

export interface HomePageParams {
  agency: AgencyView;
  /** The newest articles of the CCHC column ("Tin mới"). */
  latest: PublicArticleCard[];
}

export function homePage(p: HomePageParams): SafeHtml {
  return html`<h1>Tuyên truyền cải cách hành chính</h1>
<p class="lead">Chuyên mục cải cách hành chính của ${p.agency.current.name}: kế hoạch, tin bài, thủ tục hành chính và kết quả giải quyết hồ sơ.</p>
<section class="latest" aria-labelledby="tin-moi">
<h2 id="tin-moi">Tin mới</h2>
${p.latest.length ? articleList({ articles: p.latest, level: 3, showCategory: true }) : html`<p>Chưa có tin, bài nào được đăng.</p>`}
<p class="more"><a href="${paths.column}">Xem tất cả tin, bài cải cách hành chính</a> · <a href="${paths.feed}">RSS</a></p>
</section>
<h2>Chuyên mục</h2>
<ul class="cards">
<li class="card"><h3><a href="${paths.column}">Cải cách hành chính</a></h3><p>Tin, bài về cải cách thủ tục hành chính, cơ chế một cửa, chuyển đổi số và các chỉ số PAR Index, PCI, PAPI, SIPAS.</p></li>
<li class="card"><h3><a href="${paths.documents}">Văn bản</a></h3><p>Văn bản chỉ đạo, điều hành và văn bản quy phạm pháp luật về cải cách hành chính.</p></li>
<li class="card"><h3><a href="/ke-hoach">Kế hoạch và kết quả</a></h3><p>Kế hoạch tuyên truyền cải cách hành chính hằng năm và báo cáo kết quả thực hiện.</p></li>
<li class="card"><h3><a href="${procedurePaths.catalog}">Thủ tục hành chính</a></h3><p>Tra cứu thủ tục, hồ sơ, phí, thời hạn giải quyết và cách nộp trực tuyến; <a href="/thong-ke-giai-quyet-thu-tuc">kết quả giải quyết hồ sơ</a>.</p></li>
<li class="card"><h3><a href="${feedbackPaths.form}">Phản ánh, kiến nghị</a></h3><p>Gửi phản ánh, kiến nghị về quy định và thủ tục hành chính, <a href="${feedbackPaths.lookup}">tra cứu kết quả xử lý</a> và xem <a href="${feedbackPaths.answered}">các câu trả lời đã công khai</a>.</p></li>
<li class="card"><h3><a href="/chi-so">Chỉ số và mức độ hài lòng</a></h3><p>PAR Index, PCI, PAPI, SIPAS của tỉnh qua các năm; <a href="/khao-sat">khảo sát mức độ hài lòng</a> và <a href="/khao-sat/ket-qua">kết quả khảo sát</a>.</p></li>
</ul>
<p class="notice">Các chuyên mục đang được cập nhật. Thông tin liên hệ của cơ quan ở cuối trang.</p>`;
}

export function aboutPage(a: AgencyView): SafeHtml {
  return html`<h1>Giới thiệu ${a.current.name}</h1>
<p>Cơ quan chủ quản: ${a.current.parentName ?? 'không có'}.</p>
<h2>Tên gọi qua các thời kỳ</h2>
<table>
<caption class="visually-hidden">Tên gọi của cơ quan theo thời gian</caption>
<thead><tr><th scope="col">Tên gọi</th><th scope="col">Cơ quan chủ quản</th><th scope="col">Từ ngày</th><th scope="col">Đến ngày</th></tr></thead>
<tbody>
${a.names.map((n) => html`<tr><td>${n.name}</td><td>${n.parentName ?? ''}</td><td>${n.validFrom ? formatDateVi(n.validFrom) : 'trước đó'}</td><td>${n.validTo ? formatDateVi(n.validTo) : 'nay'}</td></tr>`)}
</tbody>
</table>`;
}

export function errorPage(status: number, message: string): SafeHtml {
  const title = status === 404 ? 'Không tìm thấy trang' : status >= 500 ? 'Hệ thống đang gặp sự cố' : 'Không thể xử lý yêu cầu';
  return html`<h1>${title}</h1>
<p class="error-code">Mã lỗi ${status}</p>
<p>${message}</p>
<p><a href="/">Về trang chủ</a></p>`;
}

export function errorTitle(status: number): string {
  return status === 404 ? 'Không tìm thấy trang' : 'Lỗi';
}
