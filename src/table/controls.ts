import type { LiveSettings } from '../config/settings-menu.ts';

/**
 * A line of the settings screen: a declared option's (src/config/settings-menu.ts) or another
 * module's (UPDATE). Left/right call `step`, A asks YES/NO and runs `action`.
 */
export interface ControlLine {
  /** Short: 3×5 font, 20 pixels wide. */
  readonly label: string;
  /** The value as shown, '' for an action line. */
  value(): string;
  /** Left/right: -1 or +1. */
  step?(direction: number): void;
  /** A on this line asks YES/NO first, then runs `action`. */
  readonly action?: () => void;
  /** Colour of the value. */
  readonly color?: number;
}

/**
 * What the settings screen changes, supplied by the CLI (tests pass their own). Changes apply at
 * once (brightness goes straight to the colour pipeline); `save` persists them (settings.json in
 * the data directory). `shutdown` and `reboot` exist only when running as the service.
 */
export interface TableControls {
  /** Seconds in the menu before the screensaver; 0 = never (the IDLE line's value; the table reads it). */
  idleSeconds(): number;
  /** Players a game starts with when nobody chose; 0 = each game's minimum. 0..4 (PLAYERS; the setup screen reads it). */
  defaultPlayers(): number;
  /** The estimated current of the last frame, in mA (from the colour pipeline's limiter). */
  milliamps?(): number;
  /**
   * The screen's lines above POWER, SHUT DOWN and REBOOT, in order: one per declared option with
   * a `setting` (LIGHT, IDLE, PLAYERS…) and other modules' lines (UPDATE) between them.
   */
  lines?(): readonly ControlLine[];
  /**
   * The values behind those lines by option key, with their declarations (`specs`): `set` keeps
   * a value within its option and applies it, `save` then persists it. The one way to change a
   * setting from elsewhere (the web page, src/web/table-settings.ts), without naming it.
   */
  readonly settings?: LiveSettings;
  /** Persists the current values. */
  save?(): void;
  /** Power the Pi off / restart it (service only). */
  shutdown?(): void;
  reboot?(): void;
}
