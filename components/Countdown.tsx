import { useEffect, useRef, useState } from 'preact/hooks';
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

export function formatSeconds(total: number): string {
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
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
