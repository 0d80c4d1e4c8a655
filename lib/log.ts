/**
 * The only module that may use `console`. It takes an event name and a record of
 * non-secret fields; values that look like secrets are dropped, never printed.
 */
type Field = string | number | boolean | null | undefined;
const SECRET_KEYS = /key|code|secret|token|password|cookie|confirm|hash/i;

export function logEvent(event: string, fields: Record<string, Field> = {}): void {
  const safe: Record<string, Field> = {};
  for (const [name, value] of Object.entries(fields)) safe[name] = SECRET_KEYS.test(name) ? '[redacted]' : value;
  console.info(`[tfa] ${event}`, safe);
}

export function logWarning(event: string, fields: Record<string, Field> = {}): void {
  const safe: Record<string, Field> = {};
  for (const [name, value] of Object.entries(fields)) safe[name] = SECRET_KEYS.test(name) ? '[redacted]' : value;
  console.warn(`[tfa] ${event}`, safe);
}
