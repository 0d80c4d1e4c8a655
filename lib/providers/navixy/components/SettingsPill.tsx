import type { HeldSettings } from '../protocol';
import { IconOff, IconOn } from '../../../../components/icons';
import { settingsText } from './NavixySummary';

/** How an MFA setting looks as a pill: allowed (green), disallowed (neutral), none held (outline). */
export function settingsTone(s: HeldSettings | null): 'ok' | 'neutral' | 'outline' {
  return !s ? 'outline' : s.type === 'allowed' ? 'ok' : 'neutral';
}

/**
 * The panel's MFA default as a status pill in words, with its icon ("Default MFA: Disallowed"); `label` wraps the
 * setting's words. Loaded by the popup too: it imports only the popup's strings.
 */
export function SettingsPill({ settings, label }: { settings: HeldSettings | null; label: (text: string) => string }) {
  const tone = settingsTone(settings);
  const Icon = tone === 'ok' ? IconOn : IconOff;
  return (
    <span class={`status-pill ${tone}`} data-field="navixy-default-current" data-tone={tone}>
      <Icon aria-hidden="true" />
      {label(settingsText(settings))}
    </span>
  );
}
