// @vitest-environment happy-dom
// Issue 23 §2 in the editor: ids the portal did not name are "not read" or "not checked", never deleted; only ids
// the portal answered 404 for are offered for removal; the unresolved ones can be asked again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { EntityPicker } from '../../lib/providers/docspace/components/EntityPicker';
import type { NamedEntity } from '../../lib/providers/docspace/protocol';
import { ok } from '../../lib/result';

afterEach(cleanup);

const idOf = (n: number) => `8d1e5b2a-7c3f-4a6e-b0d9-${n.toString(16).padStart(12, '0')}`;
const LIST: NamedEntity[] = [
  { id: idOf(1), name: 'Alice' },
  { id: idOf(2), name: '', missing: true },
  { id: idOf(3), name: '', unresolved: 'unread' },
  { id: idOf(4), name: '', unresolved: 'unread' },
  { id: idOf(5), name: '', unresolved: 'unconfirmed' },
  { id: idOf(6), name: '' },
];

function picker(onRetry = vi.fn(async () => ok(true))) {
  const onChange = vi.fn();
  render(<EntityPicker kind="user" label="Mandatory users" searchLabel="Add a person" selected={LIST} onChange={onChange} onSearch={async () => ok([])} onRetry={onRetry} />);
  return { onChange, onRetry };
}

describe('unresolved entries in the editor', () => {
  it('labels each state; counts them apart; removal offers only the one the portal said is deleted', () => {
    const { onChange } = picker();
    expect(screen.getByText('6 users: 1 deleted, 1 without a name, 2 not read, and 1 not checked')).toBeTruthy();
    expect(screen.getAllByText('User 8d1e5b2a… (not read: the portal did not answer)', { exact: false })).toHaveLength(2);
    expect(screen.getByText('User 8d1e5b2a… (not in the portal’s list, not checked yet)', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the 1 deleted entry' }));
    expect(onChange).toHaveBeenCalledWith(LIST.filter((e) => !e.missing));
  });

  it('says why they are not deleted, and asks the portal again for exactly those', async () => {
    const { onRetry } = picker();
    expect(screen.getByText(/3 entries could not be read or checked, so they are not counted as deleted/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check them again' }));
    await waitFor(() => expect(onRetry).toHaveBeenCalledWith([idOf(3), idOf(4), idOf(5)]));
  });
});
