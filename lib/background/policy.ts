// Placeholder until the policy issue lands: every command answers notAvailable.
import { err, type Result } from '../result';
import type { AppError } from '../errors';
import type { CommandOf, Replies } from '../protocol';

const todo = (origin: string): Result<never, AppError> => err({ kind: 'notAvailable', origin, message: 'Not implemented yet' });
export const searchPeople = async (c: CommandOf<'searchPeople'>): Promise<Result<Replies['searchPeople'], AppError>> => todo(c.origin);
export const searchGroups = async (c: CommandOf<'searchGroups'>): Promise<Result<Replies['searchGroups'], AppError>> => todo(c.origin);
export const getPolicy = async (c: CommandOf<'getPolicy'>): Promise<Result<Replies['getPolicy'], AppError>> => todo(c.origin);
export const savePolicy = async (c: CommandOf<'savePolicy'>): Promise<Result<Replies['savePolicy'], AppError>> => todo(c.origin);
