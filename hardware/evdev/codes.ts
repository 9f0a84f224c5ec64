/**
 * The Linux input event codes this reader uses (from linux/input-event-codes.h). Names are the
 * kernel's, so config files and the README can say `BTN_SOUTH` or `KEY_Z`.
 */

export const EV_SYN = 0x00;
export const EV_KEY = 0x01;
export const EV_ABS = 0x03;
export const EV_MSC = 0x04;

export const SYN_REPORT = 0;
export const SYN_DROPPED = 3;

/** Key and button codes by kernel name (EV_KEY). */
export const KEY_CODES: Readonly<Record<string, number>> = {
  KEY_ESC: 1,
  KEY_1: 2,
  KEY_2: 3,
  KEY_3: 4,
  KEY_4: 5,
  KEY_BACKSPACE: 14,
  KEY_TAB: 15,
  KEY_Q: 16,
  KEY_W: 17,
  KEY_E: 18,
  KEY_R: 19,
  KEY_T: 20,
  KEY_Y: 21,
  KEY_U: 22,
  KEY_I: 23,
  KEY_O: 24,
  KEY_P: 25,
  KEY_ENTER: 28,
  KEY_LEFTCTRL: 29,
  KEY_A: 30,
  KEY_S: 31,
  KEY_D: 32,
  KEY_F: 33,
  KEY_G: 34,
  KEY_H: 35,
  KEY_J: 36,
  KEY_K: 37,
  KEY_L: 38,
  KEY_LEFTSHIFT: 42,
  KEY_Z: 44,
  KEY_X: 45,
  KEY_C: 46,
  KEY_V: 47,
  KEY_B: 48,
  KEY_N: 49,
  KEY_M: 50,
  KEY_RIGHTSHIFT: 54,
  KEY_LEFTALT: 56,
  KEY_SPACE: 57,
  KEY_KPENTER: 96,
  KEY_RIGHTCTRL: 97,
  KEY_HOME: 102,
  KEY_UP: 103,
  KEY_PAGEUP: 104,
  KEY_LEFT: 105,
  KEY_RIGHT: 106,
  KEY_END: 107,
  KEY_DOWN: 108,
  KEY_PAGEDOWN: 109,
  KEY_POWER: 116,
  KEY_BACK: 158,
  KEY_SELECT: 0x161,
  BTN_TRIGGER: 0x120,
  BTN_THUMB: 0x121,
  BTN_THUMB2: 0x122,
  BTN_TOP: 0x123,
  BTN_TOP2: 0x124,
  BTN_PINKIE: 0x125,
  BTN_BASE: 0x126,
  BTN_BASE2: 0x127,
  BTN_BASE3: 0x128,
  BTN_BASE4: 0x129,
  BTN_BASE5: 0x12a,
  BTN_BASE6: 0x12b,
  BTN_SOUTH: 0x130,
  BTN_EAST: 0x131,
  BTN_C: 0x132,
  BTN_NORTH: 0x133,
  BTN_WEST: 0x134,
  BTN_Z: 0x135,
  BTN_TL: 0x136,
  BTN_TR: 0x137,
  BTN_TL2: 0x138,
  BTN_TR2: 0x139,
  BTN_SELECT: 0x13a,
  BTN_START: 0x13b,
  BTN_MODE: 0x13c,
  BTN_THUMBL: 0x13d,
  BTN_THUMBR: 0x13e,
  BTN_DPAD_UP: 0x220,
  BTN_DPAD_DOWN: 0x221,
  BTN_DPAD_LEFT: 0x222,
  BTN_DPAD_RIGHT: 0x223,
};

/** Absolute axis codes by kernel name (EV_ABS). */
export const ABS_CODES: Readonly<Record<string, number>> = {
  ABS_X: 0x00,
  ABS_Y: 0x01,
  ABS_Z: 0x02,
  ABS_RX: 0x03,
  ABS_RY: 0x04,
  ABS_RZ: 0x05,
  ABS_HAT0X: 0x10,
  ABS_HAT0Y: 0x11,
};

export const ABS_X = 0x00;
export const ABS_Y = 0x01;
export const ABS_HAT0X = 0x10;
export const ABS_HAT0Y = 0x11;

/** First codes of the joystick and gamepad button ranges (a device with any is a pad). */
export const BTN_JOYSTICK = 0x120;
export const BTN_GAMEPAD = 0x130;
export const BTN_DIGI = 0x140;

/**
 * A code from its kernel name (`KEY_Z`, `BTN_SOUTH`) or a number (`44`, `0x130`); undefined
 * when neither.
 */
export function keyCode(name: string): number | undefined {
  const known = KEY_CODES[name.toUpperCase()];
  if (known !== undefined) return known;
  const n = Number(name);
  return Number.isInteger(n) && n >= 0 && n < 0x300 ? n : undefined;
}

const KEY_NAMES = new Map(Object.entries(KEY_CODES).map(([name, code]) => [code, name]));

/** The kernel name of a key code, or its number in hex when this table does not know it. */
export function keyName(code: number): string {
  return KEY_NAMES.get(code) ?? `0x${code.toString(16)}`;
}
