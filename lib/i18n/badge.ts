/** Toolbar button titles (read by screen readers in place of the badge). */
export const badge = {
  defaultTitle: 'Two-factor authentication status',
  title: {
    ok: 'Two-factor authentication: on, you are enrolled',
    warn: 'Two-factor authentication: required, you are not enrolled yet',
  },
} as const;
