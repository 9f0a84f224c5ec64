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

/** A pad as its source knows it: the table decides which player it is (src/input/player-seats.ts). */
export interface PadInfo {
  /** Unique per source and stable while the pad is away, so a returning pad is recognised ('usb-1.3:045e:028e'). */
  readonly id: string;
  /** For the log: 'Microsoft X-Box 360 pad'. */
  readonly name: string;
  /** A player (0-based) the config reserves for this pad; it is seated there at once. */
  readonly player?: number | undefined;
  /**
   * When an unseated pad takes a seat: 'press' (default) with its first press of a, b, start
   * or back (that press does nothing else; directions never seat a pad, so stick drift cannot);
   * 'connect' at once (a phone page that connects is a player).
   */
  readonly join?: 'press' | 'connect';
}

/** Where sources report pads: connection state and button edges, never players or UI text. */
export interface PadSink {
  padConnected(pad: PadInfo): void;
  /** One edge of one button; a source merges its inputs first (stick and hat on one button). */
  padButton(id: string, button: Button, down: boolean): void;
  /** Unplugged, a read error, a closed page. Held buttons need no release: the seats let go. */
  padDisconnected(id: string): void;
  /** The player (0-based) this pad plays now, undefined while unseated (a phone page shows it). */
  playerOf(id: string): number | undefined;
}

/**
 * Something that produces input: buttons of fixed players (terminal keys, keyboards, GPIO
 * buttons, scripts) through `emit`, and pads through `pads`, which the table seats as players.
 */
export interface InputSource {
  /** Starts delivering. May throw with a message naming the device and the fix. */
  start(emit: (event: ButtonEvent) => void, pads: PadSink): void | Promise<void>;
  /** Stops delivering and releases the device. Safe to call twice. */
  stop(): void | Promise<void>;
}
