import { Empty } from 'antd';
import type { RevisionChange, RevisionDiff } from '../../../newsroom-types';

/** Word by word: deletions struck through in red, additions in green, the rest as it was. */
function Words({ words }: { words: NonNullable<RevisionChange['words']> }) {
  return (
    <p className="diff-words">
      {words.map((w, i) =>
        w.op === 'add' ? (
          <ins key={i} className="diff-word-add">
            {w.text}
          </ins>
        ) : w.op === 'del' ? (
          <del key={i} className="diff-word-del">
            {w.text}
          </del>
        ) : (
          <span key={i}>{w.text}</span>
        ),
      )}
    </p>
  );
}

function Change({ change }: { change: RevisionChange }) {
  return (
    <section className="diff-change">
      <h3 className="diff-change-label">{change.label}</h3>
      {change.words ? (
        <Words words={change.words} />
      ) : (
        <div className="diff-before-after">
          <div>
            <span className="sr-only">Trước: </span>
            {change.before ? <del className="diff-word-del">{change.before}</del> : <em className="diff-empty">(trống)</em>}
          </div>
          <div>
            <span className="sr-only">Sau: </span>
            {change.after ? <ins className="diff-word-add">{change.after}</ins> : <em className="diff-empty">(trống)</em>}
          </div>
        </div>
      )}
    </section>
  );
}

/** What changed from version `from` to version `to`, field by field (text shown as text, never as HTML). */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  if (!diff.changes.length) return <Empty description="Hai phiên bản giống nhau" />;
  return (
    <div className="revision-diff">
      {diff.changes.map((c) => (
        <Change key={c.field} change={c} />
      ))}
    </div>
  );
}
