import { useEffect, useState } from 'preact/hooks';
import { isSupportedOrigin } from './portal/origin';

/** The origin in query parameter `name`, only when it is a bare origin the extension supports. */
export function originParam(params: URLSearchParams, name: string): string | null {
  const raw = params.get(name);
  return raw && isSupportedOrigin(raw) && new URL(raw).origin === raw ? raw : null;
}

/**
 * The page's state as read from its URL by `read`, kept in step with Back and Forward; `go(url)` pushes
 * a new history entry and reads it. `title` names the page for the tab and history list.
 */
export function useUrlState<L>(read: () => L, title: (loc: L) => string): [L, (url: string) => void] {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const onPop = () => setLoc(read());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [read]);
  useEffect(() => {
    document.title = title(loc);
  }, [loc, title]);
  const go = (url: string) => {
    history.pushState(null, '', url);
    setLoc(read());
  };
  return [loc, go];
}
