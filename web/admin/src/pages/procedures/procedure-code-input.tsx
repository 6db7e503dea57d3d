import { AutoComplete } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import type { Paged } from '../../newsroom-types';
import type { ProcedureSummary } from '../../procedure-types';

interface Props {
  value?: string;
  onChange?: (code: string) => void;
  /** Called with the catalog entry when one is picked from the suggestions. */
  onPick?: (procedure: ProcedureSummary) => void;
  'aria-label': string;
  disabled?: boolean;
  placeholder?: string;
}

/** A procedure code, typed or picked from the catalog in force (search by code or name, without tones too). */
export function ProcedureCodeInput({ value, onChange, onPick, disabled, placeholder, ...rest }: Props) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ProcedureSummary[]>([]);
  // Suggestions that arrive after the user left the input would pop up over whatever is next.
  const focused = useRef(false);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      api.get<Paged<ProcedureSummary>>('/api/procedures', { q, pageSize: 10 }).then(
        (page) => !stale && setFound(focused.current ? page.items : []),
        () => !stale && setFound([]),
      );
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <AutoComplete
      aria-label={rest['aria-label']}
      value={value}
      disabled={disabled}
      placeholder={placeholder ?? 'Mã hoặc tên thủ tục'}
      options={found.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
      onSearch={setQuery}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={() => {
        focused.current = false;
        setFound([]);
      }}
      onChange={(v: string) => onChange?.(v)}
      onSelect={(code: string) => {
        const picked = found.find((p) => p.code === code);
        if (picked) onPick?.(picked);
      }}
      popupMatchSelectWidth={480}
      style={{ width: '100%' }}
    />
  );
}
