// The portal's translated resources (fact sheet §11.1, §12.4). The server evaluates its .resx resources when
// it throws (or fills a DTO), in the culture CultureMiddleware chose for the request: the signed-in (or
// confirm-key) user's culture, else the portal's. 32 languages ship; the emulator carries English, Russian and
// German, enough to prove that the client never classifies an error by its words.
//
// Every string is copied verbatim from ONLYOFFICE/DocSpace-server (master ed2994e7):
// web/ASC.Web.Core/PublicResources/Resource.resx (English), Resource.de.resx (German), Resource.ru.resx (Russian).
// Not translated, as on the server: "Access denied" (ResponseWrapper.cs writes that literal for SecurityException
// and AuthorizingException), "Not available." (a literal in TfaappController.cs) and the .NET framework's own
// messages ("Operation is not valid due to the current state of the object.", NullReferenceException's).

export type ResourceKey =
  | 'TfaAppAuthMessageError'
  | 'TfaTooMuchError'
  | 'TfaAppNotAvailable'
  | 'ErrorAccessDenied'
  | 'SmsNotAvailable'
  | 'ActivateTfaAppEmptyCode'
  | 'ButtonSmsEnable'
  | 'ButtonTfaAppEnable'
  | 'ErrorUserNotFound'
  | 'ErrorGroupNotFound'
  | 'ErrorUserDisabled'
  | 'ErrorTooManyLoginAttempts'
  | 'UserAuthenticationFailed';

const RESOURCES: Record<string, Record<ResourceKey, string>> = {
  // Resource.resx
  en: {
    TfaAppAuthMessageError: 'Incorrect code',
    TfaTooMuchError: 'You have sent too many text messages. Please try again later.',
    TfaAppNotAvailable: 'TFA application settings are not available',
    ErrorAccessDenied: 'No permissions to perform this action',
    SmsNotAvailable: 'SMS settings are not available',
    ActivateTfaAppEmptyCode: 'Validation code field cannot be empty',
    ButtonSmsEnable: 'By SMS',
    ButtonTfaAppEnable: 'By authenticator app',
    ErrorUserNotFound: 'The user could not be found',
    ErrorGroupNotFound: 'The group could not be found',
    ErrorUserDisabled: 'User disabled',
    ErrorTooManyLoginAttempts: 'Too many login attempts. Please try again later',
    UserAuthenticationFailed: 'User authentication failed',
  },
  // Resource.ru.resx
  ru: {
    TfaAppAuthMessageError: 'Неправильный код',
    TfaTooMuchError: 'Вы отправили слишком много текстовых сообщений. Повторите попытку позже.',
    TfaAppNotAvailable: 'Настройки приложения для аутентификации недоступны',
    ErrorAccessDenied: 'Недостаточно прав для выполнения данной операции',
    SmsNotAvailable: 'Настройки SMS недоступны',
    ActivateTfaAppEmptyCode: 'Поле кода подтверждения не может быть пустым',
    ButtonSmsEnable: 'С помощью SMS',
    ButtonTfaAppEnable: 'С помощью приложения для аутентификации',
    ErrorUserNotFound: 'Пользователь не найден',
    ErrorGroupNotFound: 'Группа не найдена',
    ErrorUserDisabled: 'Пользователь отключен',
    ErrorTooManyLoginAttempts: 'Слишком много попыток входа. Пожалуйста, попробуйте позже',
    UserAuthenticationFailed: 'Ошибка аутентификации пользователя',
  },
  // Resource.de.resx
  de: {
    TfaAppAuthMessageError: 'Falscher Code',
    TfaTooMuchError: 'Sie haben zu viele Kurzmitteilungen gesendet. Bitte versuchen Sie es später erneut.',
    TfaAppNotAvailable: 'TFA-Anwendungseinstellungen sind nicht verfügbar',
    ErrorAccessDenied: 'Keine Berechtigung zum Durchführen dieser Aktion',
    SmsNotAvailable: 'SMS-Einstellungen sind nicht verfügbar',
    ActivateTfaAppEmptyCode: 'Das Feld mit dem Validierungscode darf nicht leer sein',
    ButtonSmsEnable: 'Per SMS',
    ButtonTfaAppEnable: 'Über die Authentifizierungs-App',
    ErrorUserNotFound: 'Der Benutzer konnte nicht gefunden werden',
    ErrorGroupNotFound: 'Die Gruppe konnte nicht gefunden werden',
    ErrorUserDisabled: 'Benutzer deaktiviert',
    ErrorTooManyLoginAttempts: 'Zu viele Anmeldeversuche. Bitte versuchen Sie es später noch einmal',
    UserAuthenticationFailed: 'Benutzerauthentifizierung fehlgeschlagen',
  },
};

export const RESOURCE_LANGUAGES = Object.keys(RESOURCES);

/**
 * .NET resource fallback: `ru-RU` → `ru` → the neutral (English) resources. SIMPLIFIED: a language the emulator
 * does not carry (say `fr-FR`) falls back to English here, where a real portal would answer in it.
 */
export function resourceText(key: ResourceKey, culture: string | undefined): string {
  const lang = (culture ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (RESOURCES[lang] ?? RESOURCES.en!)[key];
}
