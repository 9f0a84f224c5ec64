import { BUTTONS, type Button } from '../../src/input/buttons.ts';
import { type HidApi, type HidDeviceInfo, type HidHandle, hidId, hidName, isGamepad } from './hid-api.ts';
import type { HidBinding, HidPadMap } from './hid-map.ts';

/** Centred analog bytes rest in this window; smaller moves there are stick noise. */
const CENTRE_LOW = 0x60;
const CENTRE_HIGH = 0xa0;
const NOISE = 12;

const LABELS: Readonly<Record<Button, string>> = {
  up: 'UP on the D-pad',
  down: 'DOWN on the D-pad',
  left: 'LEFT on the D-pad',
  right: 'RIGHT on the D-pad',
  a: 'A (main action)',
  b: 'B (second action)',
  start: 'START',
  back: 'BACK (select)',
};

export interface LearnResult {
  /** 'vvvv:pppp' */
  readonly id: string;
  readonly map: HidPadMap;
}

/**
 * Learns a HID pad's buttons: asks (through `say`) for each button in turn, compares each input
 * report with the resting one and keeps the bits that changed (or, for a centred analog byte,
 * which way it moved). The pad is whichever HID gamepad answers the first prompt. Resolves when
 * every button is learned; rejects when there is no pad.
 */
export async function learnGamepad(api: HidApi, say: (text: string) => void): Promise<LearnResult> {
  const seen = new Set<string>();
  const pads = api.devices().filter((d) => {
    if (!isGamepad(d) || !d.path || seen.has(d.path)) return false;
    seen.add(d.path);
    return true;
  });
  if (pads.length === 0) {
    throw new Error(
      'no HID gamepad found: plug one in and try again (on Linux, /dev/hidraw* must be readable: ' +
        'add a udev rule or run with sudo)',
    );
  }
  say(`Found ${pads.length === 1 ? hidName(pads[0]!) : `${pads.length} pads`}. Leave the sticks alone.`);
  const readers = pads.map((info) => new ReportReader(info, api.open(info.path!)));
  const bindings: Partial<Record<Button, HidBinding[]>> = {};
  const pressed: { button: Button; byte: number; raw: number }[] = [];
  let reader: ReportReader | undefined;
  try {
    for (const button of BUTTONS) {
      say(`Press ${LABELS[button]} and hold it…`);
      for (;;) {
        const { from, report } = reader
          ? { from: reader, report: await reader.next() }
          : await firstChange(readers);
        const found = from.difference(report);
        if (found.length === 0) continue;
        const other = Object.entries(bindings).find(([, list]) => sameBindings(list ?? [], found));
        if (other) {
          say(`  that is already ${other[0].toUpperCase()}; press ${LABELS[button]}`);
          await from.released();
          continue;
        }
        reader = from;
        bindings[button] = found;
        for (const b of found) if ('mask' in b) pressed.push({ button, byte: b.byte, raw: report[b.byte]! });
        say('  got it; let go');
        await from.released();
        break;
      }
    }
  } finally {
    for (const r of readers) r.close();
  }
  widenSharedBytes(bindings, pressed);
  const info = reader!.info;
  return { id: hidId(info), map: { name: hidName(info), buttons: bindings } };
}

/** Waits for the first report from any reader that differs from its resting report. */
function firstChange(readers: readonly ReportReader[]): Promise<{ from: ReportReader; report: Uint8Array }> {
  return new Promise((resolve) => {
    for (const reader of readers) {
      void (async () => {
        for (;;) {
          const report = await reader.next();
          if (reader.difference(report).length > 0) {
            resolve({ from: reader, report });
            return;
          }
        }
      })();
    }
  });
}

/**
 * Buttons learned on the same byte whose bits overlap (a hat D-pad: up = 0, right = 2, down = 4,
 * left = 6, rest = 8 or 15) get the union of those bits as their mask, so UP does not also match
 * RIGHT. Values become the pressed byte under the wider mask.
 */
function widenSharedBytes(
  bindings: Partial<Record<Button, HidBinding[]>>,
  pressed: readonly { button: Button; byte: number; raw: number }[],
): void {
  for (const [button, list] of Object.entries(bindings) as [Button, HidBinding[]][]) {
    bindings[button] = list.map((b) => {
      if (!('mask' in b)) return b;
      let mask = b.mask;
      for (const other of Object.values(bindings).flat()) {
        if (other && 'mask' in other && other.byte === b.byte && (other.mask & mask) !== 0)
          mask |= other.mask;
      }
      const raw = pressed.find((p) => p.button === button && p.byte === b.byte)?.raw ?? b.value;
      return { byte: b.byte, mask, value: raw & mask };
    });
  }
}

function sameBindings(a: readonly HidBinding[], b: readonly HidBinding[]): boolean {
  return a.length === b.length && a.every((x, i) => JSON.stringify(x) === JSON.stringify(b[i]));
}

/** Reports from one open device as a queue, with its resting report (the first one). */
class ReportReader {
  private readonly queue: Uint8Array[] = [];
  private waiting: ((report: Uint8Array) => void) | undefined;
  private rest: Uint8Array | undefined;

  constructor(
    readonly info: HidDeviceInfo,
    private readonly handle: HidHandle,
  ) {
    handle.on('data', (data) => {
      const report = Uint8Array.from(data);
      if (!this.rest) {
        this.rest = report;
        return;
      }
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting(report);
      else this.queue.push(report);
    });
    handle.on('error', () => {});
  }

  next(): Promise<Uint8Array> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** What differs from the resting report, as bindings (empty = nothing but noise). */
  difference(report: Uint8Array): HidBinding[] {
    const rest = this.rest;
    if (!rest) return [];
    const found: HidBinding[] = [];
    for (let i = 0; i < Math.min(rest.length, report.length); i++) {
      const was = rest[i]!;
      const now = report[i]!;
      if (was === now) continue;
      const centred = was >= CENTRE_LOW && was <= CENTRE_HIGH;
      if (centred && Math.abs(now - was) <= NOISE) continue;
      if (centred && (now < 0x40 || now > 0xc0)) {
        found.push({ byte: i, axis: now < 0x40 ? 'low' : 'high' });
        continue;
      }
      const mask = was ^ now;
      found.push({ byte: i, mask, value: now & mask });
    }
    return found;
  }

  /** Resolves once a report shows nothing held any more. */
  async released(): Promise<void> {
    for (;;) if (this.difference(await this.next()).length === 0) return;
  }

  close(): void {
    this.handle.close();
  }
}
