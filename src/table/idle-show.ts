import type { Scene } from '../engine/scene.ts';
import type { TableHost } from './host.ts';
import type { IdleShowName } from './idle-show-names.ts';
import { type PlaylistOptions, playlistMode } from './playlist.ts';
import type { PlaylistItem } from './playlist-item.ts';

/** The effects the `effects` show cycles through, a minute each. */
const EFFECTS_SHOW = ['plasma', 'water', 'aurora', 'fire', 'hues', 'stars', 'rain', 'matrix', 'zoom'];

/**
 * The idle scene with a choice of shows: `mix` is the owner's playlist (--playlist), `clock` only
 * the clock, `effects` every effect a minute each, `demos` the game demos, `plain` the colour
 * screensaver. Each show keeps its own place in its list. `choose` is the hook of the settings
 * screen's SHOW line; `screensaver` goes to TableOptions.screensaver.
 */
export class IdleShow {
  private readonly shows: Readonly<Record<IdleShowName, (host: TableHost) => Scene>>;

  constructor(
    private chosen: IdleShowName,
    playlist: readonly PlaylistItem[],
    options: Omit<PlaylistOptions, 'items'>,
  ) {
    const quiet = { ...options, warn: () => {} }; // the mix reports its problems; presets are best effort
    this.shows = {
      mix: playlistMode({ ...options, items: playlist }),
      clock: playlistMode({ ...quiet, items: [{ kind: 'app', id: 'clock', settings: {}, seconds: 3600 }] }),
      effects: playlistMode({
        ...quiet,
        items: EFFECTS_SHOW.map((effect) => ({
          kind: 'app',
          id: 'effects',
          settings: { effect },
          seconds: 60,
        })),
      }),
      demos: playlistMode({ ...quiet, items: [{ kind: 'demos', seconds: 30 }] }),
      plain: playlistMode({ ...quiet, items: [] }),
    };
  }

  get current(): IdleShowName {
    return this.chosen;
  }

  readonly screensaver = (host: TableHost): Scene => this.shows[this.chosen](host);

  /** Shows `name` from the next idle time on (the settings screen's SHOW line, option idleShow). */
  choose(name: IdleShowName): void {
    this.chosen = name;
  }
}
