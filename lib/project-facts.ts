/** The package.json fields the pages' footers use; `homepage` and `bugs` are optional (the package may set none). */
export interface PackageFacts {
  version: string;
  homepage?: string;
  bugs?: string | { url?: string };
}

/** An https address, else null (a footer link never points anywhere else). */
export function httpsOrNull(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The extension's version and where its source and issue tracker are, when package.json names them. */
export function projectFacts(facts: PackageFacts): { version: string; source: string | null; issues: string | null } {
  const bugs = typeof facts.bugs === 'string' ? facts.bugs : facts.bugs?.url;
  return { version: facts.version, source: httpsOrNull(facts.homepage), issues: httpsOrNull(bugs) };
}
