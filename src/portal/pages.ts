import type { AgencyView } from '../modules/org/schema.ts';
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

export function homePage(a: AgencyView): SafeHtml {
  return html`<h1>Tuyên truyền cải cách hành chính</h1>
<p class="lead">Chuyên mục cải cách hành chính của ${a.current.name}: kế hoạch, tin bài, thủ tục hành chính và kết quả giải quyết hồ sơ.</p>
<ul class="cards">
<li class="card"><h2><a href="/ke-hoach">Kế hoạch và kết quả</a></h2><p>Kế hoạch tuyên truyền cải cách hành chính hằng năm và báo cáo kết quả thực hiện.</p></li>
<li class="card"><h2>Thủ tục hành chính</h2><p>Tra cứu thủ tục, hồ sơ, phí, thời hạn giải quyết và cách nộp trực tuyến.</p></li>
<li class="card"><h2>Phản ánh, kiến nghị</h2><p>Gửi phản ánh, kiến nghị và đánh giá mức độ hài lòng về thủ tục hành chính.</p></li>
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
