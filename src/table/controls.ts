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
  /** Persists the current values. */
  save?(): void;
  /** Sound levels, when the table has sound (VOLUME, MUSIC, EFFECTS lines). */
  readonly sound?: SoundControls;
  /** Power the Pi off / restart it (service only). */
  shutdown?(): void;
  reboot?(): void;
}
