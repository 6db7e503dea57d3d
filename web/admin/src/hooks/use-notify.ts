import { App } from 'antd';
import { useMemo } from 'react';
import { ApiError } from '../api';

/** Thrown when the user backs out of a prompt (e.g. the reason for a change); never shown as a failure. */
export class Cancelled extends Error {
  constructor() {
    super('Đã hủy');
    this.name = 'Cancelled';
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Đã có lỗi không xác định.';
}

/**
 * Toasts for saves and failures; a 401 stays silent because the app is already leaving for the
 * login page, and so does a prompt the user cancelled.
 */
export function useNotify() {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      saved: (text = 'Đã lưu') => void message.success(text),
      failed: (error: unknown) => {
        if (error instanceof Cancelled || (error instanceof ApiError && error.status === 401)) return;
        void message.error(errorText(error));
      },
    }),
    [message],
  );
}
