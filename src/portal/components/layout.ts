import { html, type SafeHtml } from '../html.ts';
import { portalCss } from '../assets.ts';
import { procedurePaths } from '../../modules/procedures/paths.ts';
import { paths } from '../../modules/publishing/public-views.ts';
import { feedbackPaths } from '../../modules/feedback/paths.ts';

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
  /** Language of the page's content (BCP 47); the frame around it stays Vietnamese. Default 'vi'. */
  lang?: string;
  /** Extra `<head>` elements (canonical, Open Graph, feeds, structured data). */
  head?: SafeHtml;
}

export const NAV_ITEMS = [
  { href: '/', label: 'Trang chủ' },
  { href: paths.column, label: 'Cải cách hành chính' },
  { href: procedurePaths.catalog, label: 'Thủ tục hành chính' },
  { href: paths.documents, label: 'Văn bản' },
  { href: '/ke-hoach', label: 'Kế hoạch CCHC' },
  { href: feedbackPaths.form, label: 'Phản ánh, kiến nghị' },
  { href: '/chi-so', label: 'Chỉ số, khảo sát' },
  { href: '/gioi-thieu', label: 'Giới thiệu' },
] as const;

/** Which pages belong to a navigation item's section, besides its own address. */
const SECTIONS: Record<string, RegExp> = {
  [paths.column]: /^\/(cai-cach-hanh-chinh|tin-bai)\//,
  [procedurePaths.catalog]: /^\/thu-tuc-hanh-chinh\//,
  [paths.documents]: /^\/van-ban\//,
  '/ke-hoach': /^\/ke-hoach\//,
  [feedbackPaths.form]: /^\/phan-anh-kien-nghi\//,
  // The satisfaction survey and its results sit with the indices they feed (SIPAS).
  '/chi-so': /^\/(chi-so|khao-sat)(\/|$)/,
};

/** `aria-current`: "page" on the item's own page, "true" inside its section. */
function current(href: string, path: string): SafeHtml | '' {
  if (path === href) return html` aria-current="page"`;
  return SECTIONS[href]?.test(path) ? html` aria-current="true"` : '';
}

/** The page frame of every public page: header with the agency's name and a search box, navigation, footer. */
export function layout(p: LayoutParams): SafeHtml {
  const a = p.agency;
  const lang = p.lang ?? 'vi';
  // On a page in another language the frame is still Vietnamese: say so, for screen readers.
  const vi = lang === 'vi' ? '' : html` lang="vi"`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} | ${a.name}</title>
<meta name="description" content="${p.description ?? `Cổng thông tin cải cách hành chính của ${a.name}`}">
<link rel="stylesheet" href="${portalCss.path}">
${p.head ?? ''}
</head>
<body>
<a class="skip-link" href="#noi-dung"${vi}>Bỏ qua, đến nội dung chính</a>
${a.isDemo ? html`<div class="demo-banner" role="note"${vi}><div class="wrap">Đây là dữ liệu mẫu để dùng thử, không phải thông tin chính thức.</div></div>` : ''}
<header class="site-header"${vi}>
<div class="wrap">
<a class="brand" href="/">${a.parentName ? html`<span class="brand-parent">${a.parentName}</span>` : ''}<span class="brand-name">${a.name}</span></a>
<form class="header-search" role="search" aria-label="Tìm kiếm trên cổng" action="${paths.search}" method="get">
<label class="visually-hidden" for="tim-nhanh">Từ khóa tìm kiếm</label>
<input id="tim-nhanh" type="search" name="q" maxlength="200" autocomplete="off"><button type="submit">Tìm kiếm</button>
</form>
</div>
</header>
<nav class="site-nav" aria-label="Điều hướng chính"${vi}>
<div class="wrap"><ul>
${NAV_ITEMS.map((n) => html`<li><a href="${n.href}"${current(n.href, p.path)}>${n.label}</a></li>`)}
</ul></div>
</nav>
<main id="noi-dung" tabindex="-1"><div class="wrap">
${p.main}
</div></main>
${footer(a, vi)}
</body>
</html>`;
}

function footer(a: PortalAgency, vi: SafeHtml | ''): SafeHtml {
  return html`<footer class="site-footer"${vi}>
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
