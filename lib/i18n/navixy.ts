/**
 * English UI strings of the Navixy Admin Panel provider (popup, options page, error
 * messages), in one file so they can move to a locale file in one go.
 */
const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const navixy = {
  providerName: 'Navixy Admin Panel',
  panelLabel: (host: string) => `Navixy Admin Panel ${host}`,
  views: {
    navixy: 'Users’ MFA',
    'navixy-panels': 'Navixy panels',
  },
  // Popup
  popup: {
    loading: 'Reading the panel’s MFA settings…',
    defaultLabel: 'Default for new users',
    allowedLabel: 'Users with MFA allowed',
    allowedCount: (allowed: number, total: number) => `${allowed} of ${n(total, 'user', 'users')}`,
    signedInAs: (login: string) => `Signed in to the panel as ${login}`,
    signedOutTitle: (host: string) => `Sign in to ${host}`,
    signedOutBody: 'The extension signs in to the panel’s API with your operator login; only the session is kept, for this browser session.',
    signIn: 'Sign in to the panel',
    manage: 'Manage users’ MFA',
    noPermissionTitle: (host: string) => `No access to ${host}’s API yet`,
    noPermissionBody: 'Open the Navixy panels settings and allow access to the panel and its API.',
    openPanels: 'Navixy panels settings',
    addThisPanel: 'This is a Navixy Admin Panel: add it',
  },
  settings: {
    allowed: (factors: readonly string[]) => `Allowed (${factors.map((f) => (f === 'email' ? 'e-mail code' : f)).join(', ')})`,
    disallowed: 'Disallowed',
    none: 'Not set',
  },
  // Options: panels
  panels: {
    heading: 'Navixy Admin Panels',
    intro: 'Add a Navixy Admin Panel by the address you open it at and the base URL of its API (they may be on different hosts). Both are kept on this device as settings; no password is stored.',
    panelUrl: 'Panel address',
    panelUrlHint: 'For example https://panel.example.com',
    apiBase: 'API base URL',
    apiBaseHint: 'For example https://api.navixy.com/v2',
    add: 'Add panel',
    invalidPanel: 'The panel address must be an https:// address.',
    invalidApi: 'The API base URL must be an https:// URL without a query or credentials.',
    permissionDenied: 'Access was not granted, so the extension cannot reach this panel.',
    added: (host: string) => `${host} added.`,
    empty: 'No Navixy panels yet.',
    open: (host: string) => `Manage ${host}`,
    remove: (host: string) => `Remove ${host}`,
    removed: (host: string) => `${host} removed.`,
    api: (base: string) => `API ${base}`,
    signedInAs: (login: string) => `signed in as ${login}`,
    signedOut: 'signed out',
    otherPortals: 'DocSpace portals',
  },
  // Options: sign-in
  signIn: {
    heading: (host: string) => `Sign in to ${host}`,
    intro: 'Your operator login and password are sent once to the panel’s API; the extension keeps only the session it returns, until the browser closes.',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    signOut: 'Sign out of the panel',
    signedOut: 'Signed out of the panel.',
  },
  // Options: default
  defaults: {
    heading: 'Default for new users',
    legend: 'MFA for newly created users',
    allow: 'Allow MFA (e-mail code)',
    disallow: 'Disallow MFA',
    current: (text: string) => `The panel holds: ${text}.`,
    save: 'Save default',
    saving: 'Saving default…',
    saved: (text: string) => `Default saved: ${text}.`,
    readOnly: 'Changing the default needs the users: update permission.',
  },
  // Options: users
  users: {
    heading: 'Users',
    summary: (allowed: number, total: number) => `${allowed} of ${n(total, 'user has', 'users have')} MFA allowed.`,
    filter: 'Filter users by name or login',
    selectAll: 'Select all shown users',
    select: (name: string) => `Select ${name}`,
    selected: (count: number) => `${n(count, 'user', 'users')} selected.`,
    colName: 'Name',
    colLogin: 'Login',
    colMfa: 'MFA',
    allowedBadge: 'Allowed',
    disallowedBadge: 'Disallowed',
    allowSelected: 'Allow MFA for selected',
    disallowSelected: 'Disallow MFA for selected',
    allowAll: 'Allow MFA for all users…',
    disallowAll: 'Disallow MFA for all users…',
    confirmAllTitle: (allow: boolean) => (allow ? 'Allow MFA for all users?' : 'Disallow MFA for all users?'),
    confirmAllBody: (allow: boolean, host: string) =>
      allow
        ? `Every user of ${host} gets MFA with e-mail codes allowed, which turns it on for them at their next sign-in.`
        : `Every user of ${host} loses MFA, including users who rely on it.`,
    confirmAll: (allow: boolean) => (allow ? 'Allow for all users' : 'Disallow for all users'),
    applying: 'Applying…',
    progress: (batch: number, batches: number, done: number, total: number) => `Batch ${batch} of ${batches}: ${done} of ${n(total, 'user', 'users')} done.`,
    progressLabel: 'Progress of the change',
    doneSelected: (allow: boolean, count: number, batches: number) =>
      `MFA ${allow ? 'allowed' : 'disallowed'} for ${n(count, 'user', 'users')} in ${n(batches, 'batch', 'batches')}.`,
    doneAll: (allow: boolean) => `MFA ${allow ? 'allowed' : 'disallowed'} for all users.`,
    partial: (done: number, total: number) => `Stopped: ${done} of ${n(total, 'user was', 'users were')} changed before the error; the rest were not sent.`,
    verified: (count: number) => `The panel now reports ${n(count, 'user', 'users')} with MFA allowed.`,
    readOnly: 'You can view users; changing MFA needs the users: update permission.',
    empty: 'No users match.',
    reload: 'Reload users',
  },
  // Errors: one sentence naming the panel, and the next step.
  errors: {
    notSignedIn: (host: string) => ({ message: `You are not signed in to the Navixy panel ${host}.`, next: 'Sign in with your operator login in the extension’s options page.' }),
    notConfigured: (host: string) => ({ message: `${host} is not set up as a Navixy panel in the extension.`, next: 'Add it under Navixy panels in the options page.' }),
    notNavixy: (host: string) => ({ message: `The API at ${host} did not answer like a Navixy panel API.`, next: 'Check the API base URL (for example https://api.navixy.com/v2) and add the panel again.' }),
    wrongSession: (host: string) => ({ message: `The Navixy panel ${host} did not recognise the session (error 3: wrong session hash).`, next: 'Sign in to the panel again.' }),
    sessionEnded: (host: string) => ({ message: `The Navixy panel ${host} ended the session or found no such operator (error 4).`, next: 'Sign in again, checking the login and password.' }),
    invalidParameters: (host: string) => ({ message: `The Navixy panel ${host} rejected the request’s parameters (error 7: invalid parameters).`, next: 'Check the selection and the settings, then try again.' }),
    accessDenied: (host: string) => ({ message: `The Navixy panel ${host} denied access (error 11): your operator account lacks the users permission this needs.`, next: 'Ask a panel administrator for users: read (to view) or users: update (to change).' }),
    notFound: (host: string) => ({ message: `The Navixy panel ${host} could not find a selected user in its database (error 201); it may be deleted or belong to another dealer.`, next: 'Reload the user list and try again.' }),
    unknownEntities: (host: string) => ({ message: `The Navixy panel ${host} says the list contains users that do not exist (error 217).`, next: 'Reload the user list and select the users again.' }),
    other: (host: string, code: number, description?: string) => ({
      message: `The Navixy panel ${host} refused the request (error ${code}${description ? `: ${description}` : ''}).`,
      next: 'Retry in a moment; if it persists, tell the panel administrator.',
    }),
  },
} as const;
