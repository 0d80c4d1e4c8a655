import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Components and pages take every word from lib/i18n (locales/*.yml): no letters in JSX text,
 * in string attributes a person reads or hears (title, aria-label, placeholder, alt, label,
 * …Text props of our components), or in string literals rendered as children.
 */
const root = join(import.meta.dirname, '../..');

/** Attributes whose string values are markup, not words. Any other attribute with letters is flagged. */
const MARKUP_ATTRIBUTES = new Set([
  'class', 'className', 'src', 'id', 'key', 'type', 'name', 'role', 'href', 'rel', 'target', 'for', 'htmlFor', 'lang', 'dir',
  'autocomplete', 'autoComplete', 'inputMode', 'inputmode', 'enterkeyhint', 'autocapitalize', 'spellcheck', 'pattern', 'method',
  'aria-live', 'aria-hidden', 'aria-controls', 'aria-describedby', 'aria-labelledby', 'aria-atomic', 'aria-busy', 'aria-current',
  'aria-expanded', 'aria-invalid', 'aria-haspopup', 'aria-modal', 'aria-relevant', 'aria-sort', 'aria-orientation', 'aria-pressed',
  'view', 'tone', 'variant', 'kind', 'field', 'value', 'data-field', 'data-testid', 'data-state', 'data-step',
  'xmlns', 'shape-rendering', 'viewBox', 'focusKey', 'signInUrl', 'scope', 'labelledBy',
]);

/** Words that are the same in every language (product names, units shown as symbols). Keep it short. */
const ALLOWED_TEXT = new Set<string>([]);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const hasLetters = (text: string) => /\p{L}/u.test(text) && !ALLOWED_TEXT.has(text.trim());

/** Finds user-facing literals in one .tsx source. Exported for its own test below. */
export function findHardCoded(file: string, code: string): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });

  /** String literals an expression renders: not compared, not passed to calls, not object keys. */
  const literalsIn = (node: ts.Node): void => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return; // visited on their own
    if (ts.isCallExpression(node) || ts.isElementAccessExpression(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.PlusToken
      && node.operatorToken.kind !== ts.SyntaxKind.BarBarToken && node.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken
      && node.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return;
    if (ts.isConditionalExpression(node)) {
      literalsIn(node.whenTrue);
      literalsIn(node.whenFalse);
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (hasLetters(node.text)) report(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      for (const part of [node.head, ...node.templateSpans.map((s) => s.literal)]) if (hasLetters(part.text)) report(node, part.text);
      node.templateSpans.forEach((s) => literalsIn(s.expression));
      return;
    }
    ts.forEachChild(node, literalsIn);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasLetters(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) literalsIn(node.expression);
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(source);
      if (!MARKUP_ATTRIBUTES.has(name) && !name.startsWith('on')) {
        if (ts.isStringLiteral(node.initializer)) {
          if (hasLetters(node.initializer.text)) report(node, `${name}="${node.initializer.text}"`);
        } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
          literalsIn(node.initializer.expression);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Words in plain .ts: the string facades (lib/i18n) and error sentences (lib/messages.ts) hold message keys and
 * discriminants ('popup.title', 'ahead'), never words: a literal with a space, a capital or a non-ASCII letter
 * that is not a lower-case dotted name.
 */
export function findWords(file: string, code: string): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Finding[] = [];
  const isKey = (text: string) => /^[a-z_$][\w$]*(\.[\w$]+)*$/.test(text);
  const isWords = (text: string) => /\p{L}/u.test(text) && !isKey(text) && (/\s|[A-Z]/.test(text) || /[^\p{ASCII}]/u.test(text));
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    const texts = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? [node.text]
      : ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)] : [];
    for (const text of texts) if (isWords(text)) found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
    .map((e) => join(e.parentPath, e.name));
}

describe('no hard-coded user-facing strings', () => {
  // Shared components, the page shells, and every provider's views and components (lib/providers/<id>/).
  const files = ['components', 'entrypoints', 'lib'].flatMap(tsxFiles);

  it('scans the components and pages', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((f) => relative(root, f))).toEqual(expect.arrayContaining(['lib/providers/navixy/views/NavixyUsersView.tsx', 'lib/providers/docspace/views/Popup.tsx']));
  });

  it('finds none in components, pages or provider views', () => {
    const found = files.flatMap((f) => findHardCoded(relative(root, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('finds no words in the string facades (lib/i18n, each provider’s i18n) or the error sentences (messages.ts)', () => {
    const facades = readdirSync(join(root, 'lib'), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && (/[/\\]i18n$/.test(e.parentPath) || e.name === 'i18n.ts'))
      .map((e) => join(e.parentPath, e.name));
    const messages = readdirSync(join(root, 'lib'), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name === 'messages.ts')
      .map((e) => join(e.parentPath, e.name));
    const files = [...facades, ...messages];
    expect(facades.length).toBeGreaterThanOrEqual(9);
    expect(messages.map((f) => relative(root, f)).sort()).toEqual(['lib/messages.ts', 'lib/providers/navixy/messages.ts']);
    expect(files.flatMap((f) => findWords(relative(root, f), readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('would catch words in a facade, but not keys, discriminants or imports', () => {
    const code = `
      import { t } from './t';
      export const x = {
        title: t('popup.title'),
        hello: 'Hello',
        bye: (n: string) => \`Bye \${n}\`,
        ru: 'привет',
        side: (d: 'ahead' | 'behind') => (d === 'ahead' ? t('a.b') : t('c.d')),
        dash: '—',
      };`;
    expect(findWords('x.ts', code).map((f) => f.text)).toEqual(['Hello', 'Bye ', 'привет']);
  });

  it('would catch text, spoken attributes, rendered literals and template text', () => {
    const code = `
      export const A = ({ ok, n }: { ok: boolean; n: number }) => (
        <section aria-label="Settings" class="box" data-field="x">
          <h2>Hello</h2>
          <input placeholder="Your name" type="text" title={'Name'} />
          <p>{ok ? 'Yes' : t.no}</p>
          <p>{\`\${n} items\`}</p>
          <List emptyText="Nothing here" onPick={() => pick('quiet')} />
          <p>{view.status === 'loading' ? t.loading : null} — {n}</p>
        </section>
      );`;
    expect(findHardCoded('x.tsx', code).map((f) => f.text)).toEqual([
      'aria-label="Settings"', 'Hello', 'placeholder="Your name"', 'Name', 'Yes', 'items', 'emptyText="Nothing here"',
    ]);
  });
});
