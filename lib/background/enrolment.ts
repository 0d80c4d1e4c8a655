// Placeholder until the enrolment issue lands: every command answers notAvailable.
import { err, type Result } from '../result';
import type { AppError } from '../errors';
import type { CommandOf, Replies } from '../protocol';

const todo = (origin: string): Result<never, AppError> => err({ kind: 'notAvailable', origin, message: 'Not implemented yet' });
export const startEnrolment = async (c: CommandOf<'startEnrolment'>): Promise<Result<Replies['startEnrolment'], AppError>> => todo(c.origin);
export const validateCode = async (c: CommandOf<'validateCode'>): Promise<Result<Replies['validateCode'], AppError>> => todo(c.origin);
export const cancelEnrolment = async (c: CommandOf<'cancelEnrolment'>): Promise<Result<Replies['cancelEnrolment'], AppError>> => todo(c.origin);
export const getBackupCodes = async (c: CommandOf<'getBackupCodes'>): Promise<Result<Replies['getBackupCodes'], AppError>> => todo(c.origin);
export const regenerateBackupCodes = async (c: CommandOf<'regenerateBackupCodes'>): Promise<Result<Replies['regenerateBackupCodes'], AppError>> => todo(c.origin);
export const resetMyApp = async (c: CommandOf<'resetMyApp'>): Promise<Result<Replies['resetMyApp'], AppError>> => todo(c.origin);
export const resetUserApp = async (c: CommandOf<'resetUserApp'>): Promise<Result<Replies['resetUserApp'], AppError>> => todo(c.origin);
