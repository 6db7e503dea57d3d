import { useEffect, type ReactNode } from 'react';

/** A page's heading (the one h1) and its stacked sections; also names the browser tab. */
export function Page({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} — Minh Bạch`;
  }, [title]);
  return (
    <div className="page-stack">
      <div className="page-header">
        <h1 className="page-title">{title}</h1>
        {extra}
      </div>
      {children}
    </div>
  );
}
