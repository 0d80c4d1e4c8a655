// Placeholder until the popup issue lands: every command answers notAvailable.
import { err, type Result } from '../result';
import type { AppError } from '../errors';
import type { CommandOf, Replies } from '../protocol';

const todo = (origin: string): Result<never, AppError> => err({ kind: 'notAvailable', origin, message: 'Not implemented yet' });
export const getStatus = async (c: CommandOf<'getStatus'>): Promise<Result<Replies['getStatus'], AppError>> => todo(c.origin);
export const resolveNames = async (c: CommandOf<'resolveNames'>): Promise<Result<Replies['resolveNames'], AppError>> => todo(c.origin);
export const setApiKey = async (c: CommandOf<'setApiKey'>): Promise<Result<Replies['setApiKey'], AppError>> => todo(c.origin);
export const useBrowserSignIn = async (c: CommandOf<'useBrowserSignIn'>): Promise<Result<Replies['useBrowserSignIn'], AppError>> => todo(c.origin);
export const listPortals = async (_c: CommandOf<'listPortals'>): Promise<Result<Replies['listPortals'], AppError>> => todo('');
export const forgetPortal = async (c: CommandOf<'forgetPortal'>): Promise<Result<Replies['forgetPortal'], AppError>> => todo(c.origin);
