// Polling with a deadline, for what the drivers cannot wait on by event.
import { ACTION_TIMEOUT_MS } from './config';

const POLL_MS = 100;

/** Calls `probe` until it returns a value (not undefined); the error says what was awaited. */
export async function pollFor<T>(probe: () => Promise<T | undefined>, what: () => string | Promise<string>, timeoutMs = ACTION_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${await what()}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export async function withTimeout<T>(p: Promise<T>, what: string, timeoutMs = ACTION_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
