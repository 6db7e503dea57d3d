/** Public addresses of the survey (the desk sheets' QR code leads to `surveyPath(code)`, built in procedures/paths.ts). */
export const SURVEY_PATHS = {
  form: '/khao-sat',
  thanks: '/khao-sat/cam-on',
  results: '/khao-sat/ket-qua',
} as const;

/** Form field names (short Vietnamese words, no diacritics). */
export const FORM = {
  token: 'phieu',
  procedure: 'tthc',
  comment: 'y-kien',
  honeypot: 'website',
  answerPrefix: 'c-',
  year: 'nam',
} as const;
