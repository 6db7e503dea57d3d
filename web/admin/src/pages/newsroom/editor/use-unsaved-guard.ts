import { useEffect } from 'react';

const ARTICLE_QUESTION = 'Bài viết có thay đổi chưa lưu. Rời trang này và bỏ các thay đổi?';

/**
 * While `dirty`: the browser asks before closing or reloading the tab (beforeunload), and a
 * click on a link inside the app (the menu, the breadcrumbs) asks `question` before leaving the editor.
 */
export function useUnsavedGuard(dirty: boolean, question: string = ARTICLE_QUESTION): void {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when a value is set.
      event.returnValue = '';
    };
    // Captured on the document, before React's handlers on the root: a "no" stops the router's link.
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      if (link.origin !== window.location.origin) return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty, question]);
}
