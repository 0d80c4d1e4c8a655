import { vi } from 'vitest';
import type { call as Call } from '../../lib/providers/docspace/call';
import type { CommandOf, CommandType, EnrolmentStart, Reply } from '../../lib/providers/docspace/protocol';

/** What a component test's background answers, by command type; a command without a handler gets `noReply`. */
export type Handlers = { [K in CommandType]?: (cmd: CommandOf<K>) => Reply<K> };

/**
 * Makes the mocked `call` (vi.mock of lib/providers/docspace/call) answer with `handlers`, and returns the list the
 * commands the page sends are pushed to, in order (a new list per call, so a test sees only its own).
 */
export function answerCalls(call: typeof Call, handlers: Handlers): CommandOf<CommandType>[] {
  const sent: CommandOf<CommandType>[] = [];
  vi.mocked(call).mockImplementation((async (cmd: CommandOf<CommandType>) => {
    sent.push(cmd);
    const h = handlers[cmd.type] as ((c: typeof cmd) => unknown) | undefined;
    return h ? h(cmd) : { ok: false, error: { kind: 'noReply' } };
  }) as typeof Call);
  return sent;
}

/** A setup key (RFC 4648 base32, 10 bytes) and the enrolment start a portal hands out for it. */
export const SETUP_KEY = 'MFRGGZDFMZTWQ2LK';
export const ENROLMENT_START: EnrolmentStart = {
  account: 'ann@example.com',
  issuer: 'portal.example.com',
  setupKey: SETUP_KEY,
  otpauthUri: `otpauth://totp/portal.example.com:ann%40example.com?secret=${SETUP_KEY}&issuer=portal.example.com`,
  qrImage: null,
  serverClockOffsetMs: 0,
  attemptsLeft: 5,
  attemptLimit: 5,
};
