/** Public addresses of the procedures module (readable, without diacritics); built only here. */
export const procedurePaths = {
  catalog: '/thu-tuc-hanh-chinh',
  changes: '/thu-tuc-hanh-chinh/thay-doi',
  openDataCsv: '/du-lieu-mo/thu-tuc-hanh-chinh.csv',
  openDataJson: '/du-lieu-mo/thu-tuc-hanh-chinh.json',
  postingSheet: (code: string) => `/thu-tuc-hanh-chinh/${encodeURIComponent(code)}/niem-yet`,
  fieldPostingSheet: (fieldSlug: string) => `/thu-tuc-hanh-chinh/linh-vuc/${fieldSlug}/niem-yet`,
  changesSheet: '/thu-tuc-hanh-chinh/thay-doi/niem-yet',
  /** The PDF twin of each desk sheet: the same address with `.pdf`. */
  postingSheetPdf: (code: string) => `/thu-tuc-hanh-chinh/${encodeURIComponent(code)}/niem-yet.pdf`,
  fieldPostingSheetPdf: (fieldSlug: string) => `/thu-tuc-hanh-chinh/linh-vuc/${fieldSlug}/niem-yet.pdf`,
  changesSheetPdf: '/thu-tuc-hanh-chinh/thay-doi/niem-yet.pdf',
  /** The catalog of one field (the field filter of the catalog). */
  fieldCatalog: (fieldSlug: string) => `/thu-tuc-hanh-chinh?linh-vuc=${encodeURIComponent(fieldSlug)}`,
  /** A procedure as it stood on a day (YYYY-MM-DD); never cached. */
  procedureOn: (code: string, day: string) => `/thu-tuc-hanh-chinh/${encodeURIComponent(code)}?ngay=${day}`,
  /** Where citizens send feedback on administrative rules (printed on every desk sheet). */
  feedback: '/phan-anh-kien-nghi',
  /** The satisfaction survey about a procedure (served by modules/surveys; its QR code is on every procedure's desk sheet). */
  survey: (code: string) => `/khao-sat?tthc=${encodeURIComponent(code)}`,
} as const;

/** A procedure's public page: its code as is (codes are opaque, e.g. `1.012223.H38`). */
export const procedurePath = (code: string) => `/thu-tuc-hanh-chinh/${encodeURIComponent(code)}`;
