import { storage } from '../../../storage';
import type { CoverageSummary } from './types';

/**
 * Where coverage lives (issue 26). The counts and their time may stay on the device (`local:`; PRIVACY.md says so),
 * one entry per portal, removed with the portal (session.ts forgetPortalData). Only a scan the portal could answer
 * (app or SMS mode) writes it, so while TFA is off it is the last count taken while it was on, with its date.
 * Names and e-mails of a scan are kept in `storage.session` at most (background/coverage.ts), never here.
 */
export const coverageKey = (origin: string) => `local:coverage:${origin}` as const;

export interface StoredCoverage {
  /** The latest count the portal could answer (null: never counted).  */
  last: CoverageSummary | null;
}

export async function readCoverageSummary(origin: string): Promise<CoverageSummary | null> {
  return (await storage.getItem<StoredCoverage>(coverageKey(origin)))?.last ?? null;
}

export async function writeCoverageSummary(origin: string, summary: CoverageSummary): Promise<void> {
  await storage.setItem<StoredCoverage>(coverageKey(origin), { last: summary });
}
