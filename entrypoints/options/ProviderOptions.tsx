import type { ComponentType } from 'preact';
import { providerOfView, type ProviderId } from '../../lib/providers';
import { App as DocspaceOptions } from './App';
import { NavixyOptions } from './navixy/NavixyOptions';

/** Each provider's options page; the view in the URL says whose it is (views belong to one provider). */
const SHELLS: Record<ProviderId, ComponentType> = {
  docspace: DocspaceOptions,
  navixy: NavixyOptions,
};

export function ProviderOptions() {
  const view = new URLSearchParams(location.search).get('view') ?? '';
  const Shell = SHELLS[providerOfView(view)?.id ?? 'docspace'];
  return <Shell />;
}
