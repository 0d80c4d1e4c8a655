/** User Timing mark the popup sets when a status (cached or fresh) is first on screen; `npm run bench` reads it. */
export const STATUS_VISIBLE_MARK = 'tfa:status-visible';
