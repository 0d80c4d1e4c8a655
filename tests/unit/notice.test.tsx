// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Notice } from '../../components/Notice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BroadAccessNotice } from '../../components/BroadAccessNotice';

afterEach(cleanup);

/** Notices by kind (issue 27, review V3): the kind shows as tint, edge and icon, the title as a bold line, the action on its own row. */
describe('Notice', () => {
  it.each(['ok', 'warn', 'error', 'info'] as const)('%s: the kind class, a decorative icon, the title, the text and the action row', (kind) => {
    const { container } = render(
      <Notice kind={kind} title="Title line" action={<button type="button">Do it</button>}>
        <p>Body text.</p>
      </Notice>,
    );
    const box = container.firstElementChild!;
    expect(box.className).toContain(`notice ${kind}`);
    const icon = box.querySelector('svg.notice-icon');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(box.querySelector('.notice-title')?.textContent).toBe('Title line');
    expect(box.querySelector('.notice-action button')?.textContent).toBe('Do it');
    expect(box.textContent).toContain('Body text.');
    expect(box.getAttribute('role')).toBeNull();
  });

  it('takes a live-region role and leaves out what it is not given', () => {
    const { container } = render(<Notice kind="info" role="status">Only text</Notice>);
    const box = container.firstElementChild!;
    expect(box.getAttribute('role')).toBe('status');
    expect(box.querySelector('.notice-title')).toBeNull();
    expect(box.querySelector('.notice-action')).toBeNull();
  });

  it('ErrorNotice is an error notice with its icon, an alert, and Retry on the action row', () => {
    render(<ErrorNotice error={{ kind: 'network', origin: 'https://portal.example.com' }} onRetry={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(alert.className).toContain('notice error');
    expect(alert.querySelector('svg.notice-icon')).not.toBeNull();
    expect(alert.querySelector('.notice-action')?.textContent).toBe('Retry');
  });

  it('BroadAccessNotice is a warning notice with its removal on the action row', () => {
    const { container } = render(<BroadAccessNotice patterns={['<all_urls>']} onRemove={() => undefined} />);
    const box = container.firstElementChild!;
    expect(box.className).toContain('notice warn');
    expect(box.querySelector('svg.notice-icon')).not.toBeNull();
    expect(box.querySelector('.notice-action button.danger')).not.toBeNull();
  });

  it('theme.css tints each kind and gives the old markup the same look', () => {
    const css = readFileSync(join(__dirname, '../../components/theme.css'), 'utf8');
    for (const kind of ['ok', 'warn', 'error', 'info']) {
      expect(css).toMatch(new RegExp(`\\.notice\\.${kind} \\{[^}]*background: var\\(--${kind}-bg\\)`));
    }
    expect(css).toMatch(/--brand: #136f74/);
    expect(css).toMatch(/button\.primary:disabled \{[^}]*background: var\(--surface\)/);
  });
});
