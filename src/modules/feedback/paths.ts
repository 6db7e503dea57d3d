/** Public addresses of feedback pages. */
export const feedbackPaths = {
  form: '/phan-anh-kien-nghi',
  lookup: '/phan-anh-kien-nghi/tra-cuu',
  answered: '/phan-anh-kien-nghi/da-tra-loi',
  item: (id: string) => `/phan-anh-kien-nghi/da-tra-loi/${encodeURIComponent(id)}`,
} as const;
