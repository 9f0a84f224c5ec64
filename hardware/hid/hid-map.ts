import { BUTTONS, type Button } from '../../src/input/buttons.ts';

/**
 * Where a button shows in a pad's input reports, learned by `ledtable gamepad learn`:
 * - bits: pressed when (report[byte] & mask) === value (buttons, and hat D-pads, whose
 *   directions share a nibble: the mask then covers every bit the directions use);
 * - axis: a centred analog byte (about 0x80 at rest) pushed below 0x40 ('low') or above 0xC0 ('high').
 */
export type HidBinding =
  | { readonly byte: number; readonly mask: number; readonly value: number }
  | { readonly byte: number; readonly axis: 'low' | 'high' };

export interface HidPadMap {
  /** The device's name when learned (for people reading the file). */
  readonly name: string;
  readonly buttons: Partial<Record<Button, readonly HidBinding[]>>;
}

/** The saved maps file: 'vvvv:pppp' → map. */
export type HidMaps = Record<string, HidPadMap>;

const AXIS_LOW = 0x40;
const AXIS_HIGH = 0xc0;

/** Whether one binding is active in `report`. */
export function bindingHeld(binding: HidBinding, report: Uint8Array): boolean {
  const byte = report[binding.byte];
  if (byte === undefined) return false;
  if ('axis' in binding) return binding.axis === 'low' ? byte < AXIS_LOW : byte > AXIS_HIGH;
  return (byte & binding.mask) === binding.value;
}

/** Writes each button's state for `report` into `held` (indexed like BUTTONS). */
export function decodeReport(map: HidPadMap, report: Uint8Array, held: Uint8Array): void {
  for (let i = 0; i < BUTTONS.length; i++) {
    const bindings = map.buttons[BUTTONS[i]!];
    let on = 0;
    if (bindings) for (const b of bindings) if (bindingHeld(b, report)) on = 1;
    held[i] = on;
  }
}

/** Checks a parsed maps file; returns why it is unusable, or undefined. */
export function validateHidMaps(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected an object of vvvv:pppp → map';
  for (const [id, map] of Object.entries(value)) {
    const buttons = (map as { buttons?: unknown })?.buttons;
    if (!/^[0-9a-f]{4}:[0-9a-f]{4}$/.test(id)) return `"${id}" is not a vvvv:pppp id`;
    if (typeof buttons !== 'object' || buttons === null) return `${id} has no "buttons"`;
    for (const [button, list] of Object.entries(buttons)) {
      if (!(BUTTONS as readonly string[]).includes(button)) return `${id}: "${button}" is not a button`;
      if (
        !Array.isArray(list) ||
        !list.every((b) => typeof b === 'object' && b !== null && Number.isInteger(b.byte))
      )
        return `${id}.${button}: expected a list of {byte, mask, value} or {byte, axis}`;
    }
  }
  return undefined;
}
