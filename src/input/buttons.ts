/** The eight buttons every player has, whatever device they come from. */
export const BUTTONS = ['up', 'down', 'left', 'right', 'a', 'b', 'start', 'back'] as const;
export type Button = (typeof BUTTONS)[number];

/** Players are numbered 0..MAX_PLAYERS-1 in code and shown as P1..P4 on the table. */
export const MAX_PLAYERS = 4;

/**
 * One player's buttons as sampled at the start of the current tick. All counts are in ticks.
 * A press and release that both happen between two ticks still show as `pressed` for one tick.
 */
export interface Buttons {
  /** True while the button is down. */
  held(button: Button): boolean;
  /** True only on the tick the button went down. */
  pressed(button: Button): boolean;
  /** True only on the tick the button went up. */
  released(button: Button): boolean;
  /**
   * Auto-repeat (menu scrolling, moving a cursor; Tetris DAS/ARR): true on the press tick, then,
   * while held, once `delay` ticks after the press and every `every` ticks after that. Without
   * numbers it repeats after 0.3 s, then every 0.1 s, at any loop rate.
   */
  repeat(button: Button, delay?: number, every?: number): boolean;
  /** A or start went down this tick: "yes, go". */
  confirm(): boolean;
  /** Any of the eight buttons went down this tick. */
  anyPressed(): boolean;
  /** How many ticks the button has been held, 0 when up (1 on the press tick). */
  heldTicks(button: Button): number;
  /** False while this player's device is unplugged; all buttons then read as up. */
  readonly connected: boolean;
}

/** What a game's `update` receives: every player's buttons for this tick. */
export interface Input {
  /** Player `index` (0-based). Indexes without a player read as a disconnected, idle pad. */
  player(index: number): Buttons;
  /** Any player: held/pressed/released/repeat if true for at least one player. */
  readonly any: Buttons;
}

/** A change reported by an input source: device-neutral, not yet sampled. */
export interface ButtonEvent {
  player: number;
  button: Button;
  down: boolean;
}

/** Something that produces button events (terminal keys, evdev, node-hid, scripts). */
export interface InputSource {
  /** Starts delivering events to `emit`. May throw with a message naming the device and the fix. */
  start(emit: (event: ButtonEvent) => void): void | Promise<void>;
  /** Stops delivering and releases the device. Safe to call twice. */
  stop(): void | Promise<void>;
  /** Optional: connection state per player changed (pad unplugged / back). */
  onConnection?(listener: (player: number, connected: boolean) => void): void;
}
