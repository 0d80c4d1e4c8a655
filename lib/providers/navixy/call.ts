import { callerFor } from '../../client';
import type { Command, Replies } from './protocol';

/** The UI's sender for this provider's commands (lib/client.ts). */
export const call = callerFor<Command, Replies>();
