import { useCallback, useState } from 'react';

/**
 * Open state of a create-or-edit modal. The target outlives `close`, so the modal keeps its
 * title and values during the closing animation.
 */
export function useModalTarget<T>() {
  const [state, setState] = useState<{ open: boolean; target?: T }>({ open: false });
  const openFor = useCallback((target?: T) => setState({ open: true, target }), []);
  const close = useCallback(() => setState((s) => ({ ...s, open: false })), []);
  return { open: state.open, target: state.target, openFor, close };
}
