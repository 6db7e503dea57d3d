import { useCallback } from 'react';
import { useNotify } from './use-notify';

/**
 * Runs a write and reports it: "Đã lưu" (or `successText`) on success, the server's message on
 * failure. Resolves to undefined on failure so callers can simply check the result.
 */
export function useAction() {
  const notify = useNotify();
  return useCallback(
    async <T,>(write: () => Promise<T>, successText?: string): Promise<T | undefined> => {
      try {
        const result = await write();
        notify.saved(successText);
        return result;
      } catch (error) {
        notify.failed(error);
        return undefined;
      }
    },
    [notify],
  );
}
