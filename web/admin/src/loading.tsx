/** Suspense fallback; plain markup so the first chunk does not pull in antd's Spin. */
export function Loading() {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      Đang tải…
    </div>
  );
}
