import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { broadPatterns, broadScopeOf, type BroadScope } from '../lib/host-patterns';
import { access as t } from '../lib/i18n/access';
import { ConfirmDialog } from './ConfirmDialog';

const describe = (scope: BroadScope) => (scope.kind === 'allSites' ? t.allSites : scope.kind === 'allOfScheme' ? t.allOfScheme(scope.scheme) : t.domain(scope.domain));

/**
 * Shown when the browser's settings gave the extension access to more than single sites (all sites, all https
 * sites, a whole domain): says so and takes it back on request. Host access is browser state, read and changed
 * here directly (no network); the background hears permissions.onRemoved and wipes what it can no longer reach.
 */
export function BroadAccessNotice({ onChanged }: { onChanged?: () => void }) {
  const [patterns, setPatterns] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  const read = async () => {
    try {
      setPatterns(broadPatterns((await browser.permissions.getAll()).origins ?? []));
    } catch {
      setPatterns([]);
    }
  };
  useEffect(() => {
    void read();
    // Granted or removed in the browser's settings while this page is open.
    const changed = () => void read();
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, []);

  const remove = async () => {
    setConfirming(false);
    let removed = false;
    try {
      removed = await browser.permissions.remove({ origins: patterns });
    } catch {
      removed = false;
    }
    setMessage(removed ? t.removed : t.notRemoved);
    await read();
    onChanged?.();
  };

  return (
    <>
      <p role="status">{message}</p>
      {patterns.length > 0 ? (
        <div class="notice warn broad-access" role="region" aria-labelledby="broad-access-title">
          <h3 id="broad-access-title">{t.title}</h3>
          <ul>
            {patterns.map((p) => <li key={p}>{describe(broadScopeOf(p)!)} <code class="muted">{p}</code></li>)}
          </ul>
          <p>{t.body}</p>
          <button type="button" class="danger" onClick={() => setConfirming(true)}>{t.remove}</button>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog title={t.confirmTitle} confirmLabel={t.remove} onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
          <p>{t.confirmBody}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
