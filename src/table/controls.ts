/** The sound lines of the settings screen; changes apply at once and are saved with the rest. */
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
 * What the settings screen changes, supplied by the CLI (tests pass their own). Changes apply at
 * once (brightness goes straight to the colour pipeline); `save` persists them (settings.json in
 * the data directory). `shutdown` and `reboot` exist only when running as the service.
 */
/**
 * A line another module adds to the settings screen (idle playlist, night schedule, update):
 * left/right call `step`, A asks YES/NO and runs `action`. Its value is saved with the others.
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
  /** More lines, shown after the built-in ones and before POWER, SHUT DOWN and REBOOT. */
  extraLines?(): readonly ControlLine[];
  /** Persists the current values. */
  save?(): void;
  /** Sound levels, when the table has sound (VOLUME, MUSIC, EFFECTS lines). */
  readonly sound?: SoundControls;
  /** Power the Pi off / restart it (service only). */
  shutdown?(): void;
  reboot?(): void;
}
