import type { LiveSettings } from '../config/settings-menu.ts';

/** The sound levels (the web page's volume); they are settings lines like the others. */
export interface SoundControls {
  /** 0..100 %. */
  volume(): number;
  setVolume(percent: number): void;
  music(): boolean;
  setMusic(on: boolean): void;
  effects(): boolean;
  setEffects(on: boolean): void;
}

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
  /** LED brightness, 0..100 %. */
  brightness(): number;
  setBrightness(percent: number): void;
  /** Seconds in the menu before the screensaver; 0 = never. */
  idleSeconds(): number;
  setIdleSeconds(seconds: number): void;
  /** Players a game starts with when nobody chose; 0 = each game's minimum. 0..4. */
  defaultPlayers(): number;
  setDefaultPlayers(players: number): void;
  /** The estimated current of the last frame, in mA (from the colour pipeline's limiter). */
  milliamps?(): number;
  /**
   * The screen's lines above POWER, SHUT DOWN and REBOOT, in order: one per declared option with
   * a `setting` (LIGHT, IDLE, PLAYERS…) and other modules' lines (UPDATE) between them.
   */
  lines?(): readonly ControlLine[];
  /**
   * The values behind those lines by option key, with their declarations (`specs`): `set` keeps
   * a value within its option and applies it, `save` then persists it. For other panels (the web
   * page) that want every setting the table has without naming them.
   */
  readonly settings?: LiveSettings;
  /** Persists the current values. */
  save?(): void;
  /** Sound levels, when the table has sound (VOLUME, MUSIC, EFFECTS lines). */
  readonly sound?: SoundControls;
  /** Power the Pi off / restart it (service only). */
  shutdown?(): void;
  reboot?(): void;
}
