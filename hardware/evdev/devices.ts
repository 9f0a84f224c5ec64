import { machine } from 'node:os';
import { BTN_DIGI, BTN_JOYSTICK } from './codes.ts';

/** What kind of input a device is, as far as the table cares. */
export type DeviceKind = 'gamepad' | 'keyboard' | 'gpio' | 'other';

/** One input device from /proc/bus/input/devices with an event handler. */
export interface InputDevice {
  /** The event node's name, e.g. 'event3'. */
  readonly event: string;
  readonly name: string;
  /** Where it is plugged in (USB port path), e.g. 'usb-0000:01:00.0-1.3/input0'; '' when unknown. */
  readonly phys: string;
  readonly uniq: string;
  /** USB vendor and product ids as 4 lowercase hex digits, e.g. '045e'. */
  readonly vendor: string;
  readonly product: string;
  readonly kind: DeviceKind;
  /** EV_KEY codes the device reports (from its KEY bitmap). */
  readonly keys: ReadonlySet<number>;
  /** True when it reports absolute axes (sticks, hats). */
  readonly hasAxes: boolean;
}

/**
 * Parses the text of /proc/bus/input/devices. Bitmaps (B: KEY=…) are hex words of the kernel's
 * `long`, most significant first and not zero-padded; `wordBits` is that size (64 on a 64-bit
 * kernel, which a 32-bit Raspberry Pi OS userland often runs on, so it comes from the kernel's
 * machine name, not process.arch).
 */
export function parseProcDevices(text: string, wordBits: 32 | 64 = kernelWordBits()): InputDevice[] {
  const devices: InputDevice[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const field = (prefix: string, key: string): string => {
      const line = block.split('\n').find((l) => l.startsWith(`${prefix}: `) && l.includes(`${key}=`));
      if (!line) return '';
      const rest = line.slice(line.indexOf(`${key}=`) + key.length + 1);
      if (rest.startsWith('"'))
        return rest.slice(1, rest.indexOf('"', 1) < 0 ? undefined : rest.indexOf('"', 1));
      return key === 'Handlers' || prefix === 'B' ? rest.trim() : (rest.split(/\s+/)[0] ?? '');
    };
    const handlers = field('H', 'Handlers').split(/\s+/);
    const event = handlers.find((h) => /^event\d+$/.test(h));
    if (!event) continue;
    const name = field('N', 'Name');
    const phys = field('P', 'Phys');
    const keys = bitmapCodes(field('B', 'KEY'), wordBits);
    const hasAxes = field('B', 'ABS') !== '' && field('B', 'ABS') !== '0';
    devices.push({
      event,
      name,
      phys,
      uniq: field('U', 'Uniq'),
      vendor: field('I', 'Vendor').toLowerCase(),
      product: field('I', 'Product').toLowerCase(),
      kind: classify(name, phys, handlers, keys),
      keys,
      hasAxes,
    });
  }
  return devices;
}

function classify(
  name: string,
  phys: string,
  handlers: readonly string[],
  keys: ReadonlySet<number>,
): DeviceKind {
  if (/gpio-keys/i.test(phys) || /^button@/i.test(name) || /gpio[-_ ]?keys/i.test(name)) return 'gpio';
  if (handlers.some((h) => /^js\d+$/.test(h))) return 'gamepad';
  for (const code of keys) if (code >= BTN_JOYSTICK && code < BTN_DIGI) return 'gamepad';
  if (handlers.includes('kbd') && !handlers.some((h) => h.startsWith('mouse'))) return 'keyboard';
  return 'other';
}

/** The codes set in a kernel bitmap ('7cdb000000000000 0 0 0 0'). */
export function bitmapCodes(bitmap: string, wordBits: 32 | 64): Set<number> {
  const codes = new Set<number>();
  const words = bitmap.trim() === '' ? [] : bitmap.trim().split(/\s+/).reverse();
  words.forEach((word, index) => {
    const value = BigInt(`0x${word}`);
    for (let bit = 0; bit < wordBits; bit++) {
      if ((value >> BigInt(bit)) & 1n) codes.add(index * wordBits + bit);
    }
  });
  return codes;
}

function kernelWordBits(): 32 | 64 {
  return /64/.test(machine()) ? 64 : 32;
}

/** A name that survives replugging into the same port: used to give a returning pad its player back. */
export function deviceKey(device: Pick<InputDevice, 'name' | 'phys' | 'uniq'>): string {
  return `${device.name}|${device.phys}|${device.uniq}`;
}
