import { BUTTONS, type Button, MAX_PLAYERS } from '../../src/input/buttons.ts';
import { keyCode } from './codes.ts';

/** EV_KEY code → button, for one pad (the player comes from who joined with it). */
export type PadButtons = ReadonlyMap<number, Button>;

/** EV_KEY code → player and button, for keyboards and GPIO buttons (one device serves several players). */
export type KeyButtons = ReadonlyMap<number, { readonly player: number; readonly button: Button }>;

const entries = (pairs: Record<string, Button>): [number, Button][] =>
  Object.entries(pairs).map(([name, button]) => [keyCode(name)!, button]);

/**
 * Pads with the kernel's standard gamepad codes (Xbox-style via xpad, PlayStation via
 * hid-playstation/hid-sony, most Bluetooth pads) and generic USB SNES-style pads that report
 * joystick codes (DragonRise 0079:0011 and friends: X=TRIGGER, A=THUMB, B=THUMB2, Y=TOP,
 * select=BASE3, start=BASE4). The two code ranges do not overlap, so one map serves both.
 * A = the bottom face button (Xbox A, PlayStation cross), B = the right one.
 */
export const DEFAULT_PAD_BUTTONS: PadButtons = new Map(
  entries({
    BTN_SOUTH: 'a',
    BTN_WEST: 'a',
    BTN_EAST: 'b',
    BTN_NORTH: 'b',
    BTN_START: 'start',
    BTN_SELECT: 'back',
    BTN_MODE: 'back',
    BTN_DPAD_UP: 'up',
    BTN_DPAD_DOWN: 'down',
    BTN_DPAD_LEFT: 'left',
    BTN_DPAD_RIGHT: 'right',
    BTN_THUMB: 'a',
    BTN_TRIGGER: 'a',
    BTN_THUMB2: 'b',
    BTN_TOP: 'b',
    BTN_BASE3: 'back',
    BTN_BASE4: 'start',
  }),
);

/**
 * Nintendo-labelled pads (8BitDo, Switch Pro, Joy-Con): the button labelled A sits east, so A
 * = BTN_EAST and B = BTN_SOUTH, as the labels say.
 */
export const NINTENDO_PAD_BUTTONS: PadButtons = new Map([
  ...DEFAULT_PAD_BUTTONS,
  ...entries({ BTN_EAST: 'a', BTN_NORTH: 'a', BTN_SOUTH: 'b', BTN_WEST: 'b' }),
]);

const NINTENDO_NAMES = /8bitdo|nintendo|pro controller|joy-con|snes/i;

/**
 * Keyboards and GPIO buttons: the same keys as the terminal simulator, so a USB keyboard works
 * at once and the gpio-key overlays in hardware/README.md use these codes.
 * P1: arrows, Z = A, X = B, Enter = start, Esc = back (also Space = A, Backspace = back).
 * P2: W A S D, F = A, G = B, E = start, Q = back.
 */
export const DEFAULT_KEY_BUTTONS: KeyButtons = new Map(
  (
    [
      ['KEY_UP', 0, 'up'],
      ['KEY_DOWN', 0, 'down'],
      ['KEY_LEFT', 0, 'left'],
      ['KEY_RIGHT', 0, 'right'],
      ['KEY_Z', 0, 'a'],
      ['KEY_SPACE', 0, 'a'],
      ['KEY_X', 0, 'b'],
      ['KEY_ENTER', 0, 'start'],
      ['KEY_KPENTER', 0, 'start'],
      ['KEY_ESC', 0, 'back'],
      ['KEY_BACKSPACE', 0, 'back'],
      ['KEY_W', 1, 'up'],
      ['KEY_S', 1, 'down'],
      ['KEY_A', 1, 'left'],
      ['KEY_D', 1, 'right'],
      ['KEY_F', 1, 'a'],
      ['KEY_G', 1, 'b'],
      ['KEY_E', 1, 'start'],
      ['KEY_Q', 1, 'back'],
    ] as const
  ).map(([name, player, button]) => [keyCode(name)!, { player, button }]),
);

/** A per-device override from the config: which devices it applies to and its codes. */
export interface PadMapRule {
  /** Case-insensitive part of the device name, or 'vvvv:pppp' (USB vendor:product). */
  readonly match: string;
  readonly buttons: ReadonlyMap<number, Button>;
}

/** A fixed player for a device (config `padPlayers`). */
export interface PadPlayerRule {
  readonly match: string;
  /** 0-based. */
  readonly player: number;
}

/** Whether a rule's `match` names this device. */
export function matchesDevice(
  match: string,
  device: { readonly name: string; readonly vendor: string; readonly product: string },
): boolean {
  const m = match.trim().toLowerCase();
  if (/^[0-9a-f]{4}:[0-9a-f]{4}$/.test(m)) return m === `${device.vendor}:${device.product}`;
  return m !== '' && device.name.toLowerCase().includes(m);
}

/** The buttons of a pad: the default map for its family with the first matching rule on top. */
export function padButtonsFor(
  device: { readonly name: string; readonly vendor: string; readonly product: string },
  rules: readonly PadMapRule[],
): PadButtons {
  const base = NINTENDO_NAMES.test(device.name) ? NINTENDO_PAD_BUTTONS : DEFAULT_PAD_BUTTONS;
  const rule = rules.find((r) => matchesDevice(r.match, device));
  return rule ? new Map([...base, ...rule.buttons]) : base;
}

const isButton = (text: string): text is Button => (BUTTONS as readonly string[]).includes(text);

/**
 * Parses config `padMap` items: `MATCH=CODE:button,CODE:button`, e.g.
 * `8BitDo SN30=BTN_EAST:a,BTN_SOUTH:b` or `0079:0011=BTN_THUMB:a`. Throws with the fix.
 */
export function parsePadMapRule(text: string): PadMapRule {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`padMap "${text}" must look like NAME=BTN_EAST:a,BTN_SOUTH:b`);
  const buttons = new Map<number, Button>();
  for (const pair of text.slice(eq + 1).split(',')) {
    const [codeText = '', button = ''] = pair.trim().split(':');
    const code = keyCode(codeText);
    if (code === undefined)
      throw new Error(`padMap "${text}": unknown code "${codeText}" (use a name like BTN_SOUTH or a number)`);
    if (!isButton(button))
      throw new Error(`padMap "${text}": "${button}" is not a button (${BUTTONS.join(', ')})`);
    buttons.set(code, button);
  }
  return { match: text.slice(0, eq), buttons };
}

/** Parses config `padPlayers` items: `MATCH=N` with N = 1..4, e.g. `Xbox=1`. */
export function parsePadPlayerRule(text: string): PadPlayerRule {
  const eq = text.lastIndexOf('=');
  const player = Number(text.slice(eq + 1));
  if (eq <= 0 || !Number.isInteger(player) || player < 1 || player > MAX_PLAYERS) {
    throw new Error(
      `padPlayers "${text}" must look like NAME=N with N from 1 to ${MAX_PLAYERS}, e.g. Xbox=1`,
    );
  }
  return { match: text.slice(0, eq), player: player - 1 };
}

/**
 * Parses config `keyMap` items: `CODE=P:button` (P = 1..4), e.g. `KEY_Z=1:a` or `KEY_J=2:left`,
 * and returns the default keyboard map with them on top.
 */
export function keyButtonsWith(items: readonly string[]): KeyButtons {
  const map = new Map(DEFAULT_KEY_BUTTONS);
  for (const text of items) {
    const match = /^([^=]+)=(\d):(\w+)$/.exec(text.trim());
    const code = match ? keyCode(match[1]!) : undefined;
    const player = match ? Number(match[2]) - 1 : -1;
    const button = match?.[3] ?? '';
    if (code === undefined || player < 0 || player >= MAX_PLAYERS || !isButton(button)) {
      throw new Error(`keyMap "${text}" must look like KEY_Z=1:a (code, player 1-${MAX_PLAYERS}, button)`);
    }
    map.set(code, { player, button });
  }
  return map;
}
