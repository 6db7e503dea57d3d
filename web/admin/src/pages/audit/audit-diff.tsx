import type { AuditEntry } from '../../types';

function Snapshot({ heading, value }: { heading: string; value: unknown }) {
  return (
    <section>
      <div className="json-diff-heading">{heading}</div>
      <pre>{value === null || value === undefined ? '(không có)' : JSON.stringify(value, null, 2)}</pre>
    </section>
  );
}

/** The record before and after the change, side by side. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  return (
    <div className="json-diff">
      <Snapshot heading="Trước" value={entry.before} />
      <Snapshot heading="Sau" value={entry.after} />
    </div>
  );
}
