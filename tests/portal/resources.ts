// The portal's translated exception messages (fact sheet §11.1). The server evaluates its .resx resources
// when it throws, in the culture CultureMiddleware chose for the request: the signed-in (or confirm-key) user's
// culture, else the portal's. 32 languages ship; the emulator carries English, Russian and German, enough to
// prove that the client never classifies an error by its words.
//
// Sources: English from the fact sheet (§2, §11.1); Russian from the fact sheet's Resource.ru.resx quotes
// (§11.1); German "Falscher Code" from the fact sheet. ASSUMPTION (no source in shared/): the other German
// texts and the end of the Russian "too many" sentence (the fact sheet elides it) are the emulator's own
// wording. What matters for fidelity is that they are not English, not their exact words.
// Not translated, as on the server: "Access denied" (ResponseWrapper's literal for SecurityException),
// "Not available." and the .NET framework's own messages.

export type ResourceKey = 'TfaAppAuthMessageError' | 'TfaTooMuchError' | 'TfaAppNotAvailable' | 'ErrorAccessDenied';

const RESOURCES: Record<string, Record<ResourceKey, string>> = {
  en: {
    TfaAppAuthMessageError: 'Incorrect code',
    TfaTooMuchError: 'You have sent too many text messages. Please try again later.',
    TfaAppNotAvailable: 'TFA application settings are not available',
    ErrorAccessDenied: 'No permissions to perform this action',
  },
  ru: {
    TfaAppAuthMessageError: 'Неправильный код',
    TfaTooMuchError: 'Вы отправили слишком много текстовых сообщений. Попробуйте позже.',
    TfaAppNotAvailable: 'Настройки приложения для аутентификации недоступны',
    ErrorAccessDenied: 'Недостаточно прав для выполнения данной операции',
  },
  de: {
    TfaAppAuthMessageError: 'Falscher Code',
    TfaTooMuchError: 'Zu viele Versuche. Bitte versuchen Sie es später noch einmal.',
    TfaAppNotAvailable: 'Die Einstellungen der Authentifizierungs-App sind nicht verfügbar',
    ErrorAccessDenied: 'Für diese Aktion fehlt Ihnen die Berechtigung',
  },
};

export const RESOURCE_LANGUAGES = Object.keys(RESOURCES);

/** .NET resource fallback: `ru-RU` → `ru` → the neutral (English) resources. */
export function resourceText(key: ResourceKey, culture: string | undefined): string {
  const lang = (culture ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (RESOURCES[lang] ?? RESOURCES.en!)[key];
}
