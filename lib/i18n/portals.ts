/** English strings of the options page's portal list. */
export const portals = {
  heading: 'Portals',
  intro: 'Portals this extension may read. Access is granted per site, from the toolbar button on that site.',
  welcome: 'Open your ONLYOFFICE DocSpace portal in a tab and click the extension’s toolbar button to see its two-factor authentication status.',
  empty: 'No portals yet.',
  granted: 'Access granted',
  notGranted: 'No access',
  apiKey: (remembered: boolean) => (remembered ? 'API key, remembered on this device' : 'API key, this browser session only'),
  browserSignIn: 'Browser sign-in',
  forget: (host: string) => `Remove ${host}`,
  confirmForget: (host: string) => `Remove access to ${host} and delete what the extension holds for it (status, names, any remembered API key)?`,
  removed: (host: string) => `${host} removed.`,
} as const;
