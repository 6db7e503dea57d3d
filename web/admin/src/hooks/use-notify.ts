import { App } from 'antd';
import { useMemo } from 'react';
import { ApiError } from '../api';

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Đã có lỗi không xác định.';
}

/** Toasts for saves and failures; a 401 stays silent because the app is already leaving for the login page. */
export function useNotify() {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      saved: (text = 'Đã lưu') => void message.success(text),
      failed: (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return;
        void message.error(errorText(error));
      },
    }),
    [message],
  );
}
