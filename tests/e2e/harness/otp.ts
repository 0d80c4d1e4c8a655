// The code an authenticator app would show, computed in the test with otplib from the key the page shows
// (independent of the emulated portal's own TOTP helper).
import { createGuardrails, generate } from 'otplib';

/** The TOTP code of `secret` at `atMs` (DocSpace keys are 10 bytes, below otplib's default floor). */
export const codeAt = (secret: string, atMs = Date.now()): Promise<string> =>
  generate({ secret, epoch: Math.floor(atMs / 1000), guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
