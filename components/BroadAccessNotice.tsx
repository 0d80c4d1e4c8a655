import { useState } from 'preact/hooks';
import { broadScopeOf, type BroadScope } from '../lib/host-patterns';
import { access as t } from '../lib/i18n/access';
import { ConfirmDialog } from './ConfirmDialog';
import { Notice } from './Notice';

const describe = (scope: BroadScope) => (scope.kind === 'allSites' ? t.allSites : scope.kind === 'allOfScheme' ? t.allOfScheme(scope.scheme) : t.domain(scope.domain));

/**
 * Shown when the browser's settings gave the extension access beyond single sites (all sites, all https sites, a
 * whole domain, from `broadPatterns`): says so and, after a confirmation, asks for it to be removed.
 */
export function BroadAccessNotice({ patterns, onRemove }: { patterns: readonly string[]; onRemove: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (patterns.length === 0) return null;
  return (
    <Notice kind="warn" class="broad-access" action={<button type="button" class="danger" onClick={() => setConfirming(true)}>{t.remove}</button>}>
      <h3 id="broad-access-title" class="notice-title">{t.title}</h3>
      <ul aria-labelledby="broad-access-title">
        {patterns.map((p) => {
          const scope = broadScopeOf(p);
          return <li key={p}>{scope ? describe(scope) : p} <code class="muted">{p}</code></li>;
        })}
      </ul>
      <p>{t.body}</p>
      {confirming ? (
        <ConfirmDialog
          title={t.confirmTitle}
          confirmLabel={t.remove}
          onConfirm={() => {
            setConfirming(false);
            onRemove();
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t.confirmBody}</p>
        </ConfirmDialog>
      ) : null}
    </Notice>
  );
}
