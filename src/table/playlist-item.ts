/**
 * One entry of the idle playlist: an app (or game) run live for `seconds` with some settings, or
 * `demos`: the next recorded game demo in turn (assets/replays/), for at most `seconds`.
 */
export type PlaylistItem =
  | {
      readonly kind: 'app';
      readonly id: string;
      readonly settings: Readonly<Record<string, string>>;
      readonly seconds: number;
    }
  | { readonly kind: 'demos'; readonly seconds: number };

/** Seconds an app stays when its entry names none. */
export const DEFAULT_APP_SECONDS = 60;

/** The playlist of a new table: the clock, a few effects and game demos, about six minutes. */
export const DEFAULT_PLAYLIST: readonly string[] = [
  'clock@60',
  'demos',
  'effects:effect=plasma@30',
  'demos',
  'clock@60',
  'effects:effect=aurora@30',
  'demos',
  'effects:effect=fire@30',
  'demos',
  'effects:effect=zoom@40',
];

/**
 * Reads one entry: `ID[:KEY=VALUE…][@SECONDS]` (e.g. `effects:effect=fire@30`, `clock`) or
 * `demos[@SECONDS]`. `demoSeconds` is the length of a demos entry without @. Throws an Error
 * that shows the form.
 */
export function parsePlaylistItem(text: string, demoSeconds: number): PlaylistItem {
  const match = /^([a-z0-9-]+)((?::[a-zA-Z0-9_-]+=[^:@]*)*)(?:@(\d+(?:\.\d+)?))?$/.exec(text.trim());
  if (!match) {
    throw new Error(
      `"${text}" is not a playlist entry; write ID[:KEY=VALUE…][@SECONDS], e.g. effects:effect=fire@30, or demos@20`,
    );
  }
  const [, id, pairs, at] = match;
  const seconds = at === undefined ? undefined : Number(at);
  if (seconds !== undefined && !(seconds > 0))
    throw new Error(`"${text}": the seconds after @ must be more than 0`);
  if (id === 'demos') {
    if (pairs) throw new Error(`"${text}": demos takes no settings`);
    return { kind: 'demos', seconds: seconds ?? demoSeconds };
  }
  const settings: Record<string, string> = {};
  for (const pair of (pairs ?? '').split(':').slice(1)) {
    const eq = pair.indexOf('=');
    settings[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { kind: 'app', id: id!, settings, seconds: seconds ?? DEFAULT_APP_SECONDS };
}
