import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { NavixyCountOutcome, NavixyStatus } from '../protocol';

/** How often the page asks the background how far a running count is. */
export const COUNT_POLL_MS = 500;

export interface NavixyCount {
  counting: boolean;
  /** Users read so far of the total the panel reports (null: not known yet). */
  progress: { read: number; total: number } | null;
  /** How the last count ended when it stopped early (null: none, or it counted every user). */
  stopped: Extract<NavixyCountOutcome, { done: 'stopped' }> | null;
  start: () => void;
  cancel: () => void;
}

/**
 * "Count users with MFA allowed" on the users page: runs the count, polls its progress, cancels it
 * after its current page, and keeps how a count that stopped early ended (the count was not saved).
 */
export function useNavixyCount(panel: string, onStatus: (s: NavixyStatus) => void, onError: (e: AppError) => void, onStart: () => void): NavixyCount {
  const [counting, setCounting] = useState(false);
  const [progress, setProgress] = useState<NavixyCount['progress']>(null);
  const [stopped, setStopped] = useState<NavixyCount['stopped']>(null);
  const handlers = useRef({ onStatus, onError, onStart });
  handlers.current = { onStatus, onError, onStart };

  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => {
      void call<'navixyCountProgress'>({ type: 'navixyCountProgress', panel }).then((r) => {
        if (r.ok && r.value) setProgress(r.value);
      });
    }, COUNT_POLL_MS);
    return () => clearInterval(timer);
  }, [counting, panel]);

  const start = async () => {
    handlers.current.onStart();
    setCounting(true);
    setProgress(null);
    setStopped(null);
    const r = await call<'countNavixyMfa'>({ type: 'countNavixyMfa', panel });
    setCounting(false);
    setProgress(null);
    if (!r.ok) return handlers.current.onError(r.error);
    handlers.current.onStatus(r.value.status);
    if (r.value.outcome.done === 'stopped') setStopped(r.value.outcome);
  };
  const cancel = () => void call<'cancelNavixyCount'>({ type: 'cancelNavixyCount', panel });
  return { counting, progress, stopped, start: () => void start(), cancel };
}
