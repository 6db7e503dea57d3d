import { html, type SafeHtml } from '../html.ts';
import { portalCss } from '../assets.ts';

export interface PortalAgency {
  name: string;
  shortName: string;
  parentName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  formerNames: string[];
  isDemo: boolean;
}

export interface LayoutParams {
  title: string;
  agency: PortalAgency;
  /** Path of the page, to mark the current navigation item. */
  path: string;
  description?: string;
  main: SafeHtml;
}

export const NAV_ITEMS = [
  { href: '/', label: 'Trang chủ' },
  { href: '/ke-hoach', label: 'Kế hoạch CCHC' },
  { href: '/gioi-thieu', label: 'Giới thiệu' },
] as const;

/** The page frame of every public page: header with the agency's name, navigation, footer. */
export function layout(p: LayoutParams): SafeHtml {
  const a = p.agency;
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} | ${a.name}</title>
<meta name="description" content="${p.description ?? `Cổng thông tin cải cách hành chính của ${a.name}`}">
<link rel="stylesheet" href="${portalCss.path}">
</head>
<body>
<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
${a.isDemo ? html`<div class="demo-banner" role="note"><div class="wrap">Đây là dữ liệu mẫu để dùng thử, không phải thông tin chính thức.</div></div>` : ''}
<header class="site-header">
<div class="wrap">
<a class="brand" href="/">${a.parentName ? html`<span class="brand-parent">${a.parentName}</span>` : ''}<span class="brand-name">${a.name}</span></a>
</div>
</header>
<nav class="site-nav" aria-label="Điều hướng chính">
<div class="wrap"><ul>
${NAV_ITEMS.map((n) => html`<li><a href="${n.href}"${p.path === n.href ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}
</ul></div>
</nav>
<main id="noi-dung" tabindex="-1"><div class="wrap">
${p.main}
</div></main>
${footer(a)}
</body>
</html>`;
}

function footer(a: PortalAgency): SafeHtml {
  return html`<footer class="site-footer">
<div class="wrap">
<p><strong>${a.name}</strong></p>
${a.address ? html`<p>Địa chỉ: ${a.address}</p>` : ''}
${a.phone ? html`<p>Điện thoại: <a href="tel:${a.phone.replace(/[^\d+]/g, '')}">${a.phone}</a></p>` : ''}
${a.email ? html`<p>Email: <a href="mailto:${a.email}">${a.email}</a></p>` : ''}
${a.formerNames.length ? html`<p>Tên gọi trước đây: ${a.formerNames.join('; ')}</p>` : ''}
<p><a href="/admin/">Đăng nhập dành cho cán bộ</a></p>
</div>
</footer>`;
}
