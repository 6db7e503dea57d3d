// Public addresses of the procedures module, as src/modules/procedures/paths.ts builds them (the
// server's module is not bundled into the admin; keep the two in step).

export const publicPaths = {
  catalog: '/thu-tuc-hanh-chinh',
  changes: '/thu-tuc-hanh-chinh/thay-doi',
  changesSheet: '/thu-tuc-hanh-chinh/thay-doi/niem-yet',
  procedure: (code: string) => `/thu-tuc-hanh-chinh/${encodeURIComponent(code)}`,
  postingSheet: (code: string) => `/thu-tuc-hanh-chinh/${encodeURIComponent(code)}/niem-yet`,
  fieldPostingSheet: (fieldSlug: string) => `/thu-tuc-hanh-chinh/linh-vuc/${fieldSlug}/niem-yet`,
  /** The PDF twin of each desk sheet: the same address with `.pdf`. */
  postingSheetPdf: (code: string) => `/thu-tuc-hanh-chinh/${encodeURIComponent(code)}/niem-yet.pdf`,
  fieldPostingSheetPdf: (fieldSlug: string) => `/thu-tuc-hanh-chinh/linh-vuc/${fieldSlug}/niem-yet.pdf`,
  changesSheetPdf: '/thu-tuc-hanh-chinh/thay-doi/niem-yet.pdf',
} as const;

/** Admin addresses of a procedure and a decision (codes are opaque: kept as they are, escaped). */
export const adminPaths = {
  catalog: '/procedures/catalog',
  newProcedure: '/procedures/new',
  procedure: (code: string) => `/procedures/catalog/${encodeURIComponent(code)}`,
  decisions: '/procedures/decisions',
  newDecision: '/procedures/decisions/new',
  decision: (id: string) => `/procedures/decisions/${id}`,
} as const;
