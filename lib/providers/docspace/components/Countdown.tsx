import { useEffect, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../../i18n/t';
import './enrolment.css';

interface Props {
  /** Epoch ms when the wait ends. */
  until: number;
  label: string;
  onDone: () => void;
  /** For tests. */
  now?: () => number;
}

function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** "1:05", with the UI language's digits (Intl). */
export function formatSeconds(total: number): string {
  return formatClock(total);
}

/** A live countdown (`role="timer"`, not announced every second) that calls onDone once at zero. */
export function Countdown({ until, label, onDone, now = Date.now }: Props) {
  const [left, setLeft] = useState(() => secondsLeft(until, now()));
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const tick = () => {
      const next = secondsLeft(until, now());
      setLeft(next);
      if (next === 0) {
        clearInterval(timer);
        done.current();
      }
    };
    const timer = setInterval(tick, 250);
    tick();
    return () => clearInterval(timer);
  }, [until, now]);

  return (
    <p class="countdown">
      {label}{' '}
      <span role="timer" aria-atomic="true" class="mono countdown-time">
        {formatSeconds(left)}
      </span>
    </p>
  );
}
