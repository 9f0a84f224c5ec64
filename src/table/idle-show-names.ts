/** What an idle table shows, as chosen on the settings screen (SHOW) or with --idle-show. */
export const IDLE_SHOWS = ['mix', 'clock', 'effects', 'demos', 'plain'] as const;
export type IdleShowName = (typeof IDLE_SHOWS)[number];
