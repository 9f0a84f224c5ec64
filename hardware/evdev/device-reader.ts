import { BUTTONS, type Button, MAX_PLAYERS } from '../../src/input/buttons.ts';
import { AxisFilter, knownAxisRange } from './axis.ts';
import { ABS_HAT0X, ABS_HAT0Y, ABS_X, ABS_Y, EV_ABS, EV_KEY, EV_SYN, SYN_DROPPED } from './codes.ts';
import { EvdevDecoder, type InputEventRecord, type RecordSize } from './decoder.ts';
import type { InputDevice } from './devices.ts';
import type { EventStream, OpenEventStream } from './event-stream.ts';

/** Where one key code goes: a player's button (keyboards) or a pad's button (player 0). */
export type KeyBinding = { readonly player: number; readonly button: Button } | undefined;

export interface DeviceReaderOptions {
  readonly device: InputDevice;
  /** The device node, e.g. /dev/input/event3. */
  readonly path: string;
  readonly recordSize: RecordSize;
  readonly open: OpenEventStream;
  /** Key code → binding. */
  readonly bindingOf: (code: number) => KeyBinding;
  /** Read sticks and hats as directions (pads; they report as player 0). */
  readonly axes: boolean;
  /** A button changed: merged over every input of this device (two keys or stick and hat on one button). */
  readonly changed: (player: number, button: Button, down: boolean) => void;
  /** The stream ended by itself (ENODEV when unplugged, or an error); everything was released. */
  readonly ended: (error?: NodeJS.ErrnoException) => void;
}

/**
 * One open evdev device: decodes its records into button edges. Key auto-repeat is dropped (the
 * engine has its own), SYN_DROPPED releases everything, and a button is down while any of the
 * device's inputs holds it. Opening throws what the open call threw (EACCES, ENOENT…).
 */
export class DeviceReader {
  private stream: EventStream | undefined;
  private readonly decoder: EvdevDecoder;
  /** Per player×button: how many of this device's inputs hold it. */
  private readonly holds = new Int16Array(MAX_PLAYERS * BUTTONS.length);
  /** Codes currently down, with where they went (virtual negative codes for axes). */
  private readonly down = new Map<number, { player: number; button: Button }>();
  private readonly stickX: AxisFilter;
  private readonly stickY: AxisFilter;

  constructor(private readonly options: DeviceReaderOptions) {
    this.decoder = new EvdevDecoder(options.recordSize, (record) => this.onRecord(record));
    const range = knownAxisRange(options.device);
    this.stickX = new AxisFilter(range ? { range } : {});
    this.stickY = new AxisFilter(range ? { range } : {});
    this.stream = options.open(options.path, {
      data: (chunk) => this.decoder.feed(chunk),
      end: (error) => {
        this.stream = undefined;
        this.releaseAll();
        options.ended(error);
      },
    });
  }

  /** Releases what is held and closes the device. Safe to call twice. */
  close(): void {
    this.releaseAll();
    this.stream?.close();
    this.stream = undefined;
  }

  private onRecord(r: InputEventRecord): void {
    if (r.type === EV_KEY) {
      if (r.value === 2) return; // auto-repeat: the engine has its own
      const binding = this.options.bindingOf(r.code);
      if (binding) this.setCode(r.code, binding.player, binding.button, r.value !== 0);
    } else if (r.type === EV_ABS && this.options.axes) {
      this.onAxis(r.code, r.value);
    } else if (r.type === EV_SYN && r.code === SYN_DROPPED) {
      this.releaseAll(); // the kernel dropped events: safest is to let go of everything
    }
  }

  private onAxis(code: number, value: number): void {
    if (code === ABS_HAT0X) this.direction(-1, Math.sign(value), 'left', 'right');
    else if (code === ABS_HAT0Y) this.direction(-2, Math.sign(value), 'up', 'down');
    else if (code === ABS_X) this.direction(-3, this.stickX.update(value), 'left', 'right');
    else if (code === ABS_Y) this.direction(-4, this.stickY.update(value), 'up', 'down');
  }

  /** An axis as two virtual codes (source*2 and source*2-1, negative so they never clash with keys). */
  private direction(source: number, dir: number, low: Button, high: Button): void {
    this.setCode(source * 2, 0, low, dir < 0);
    this.setCode(source * 2 - 1, 0, high, dir > 0);
  }

  /** Records that `code` is up or down and reports when the button changes. */
  private setCode(code: number, player: number, button: Button, down: boolean): void {
    const was = this.down.get(code);
    if (down === (was !== undefined)) return;
    const target = was ?? { player, button };
    const slot = target.player * BUTTONS.length + BUTTONS.indexOf(target.button);
    if (down) {
      this.down.set(code, target);
      if (this.holds[slot]!++ === 0) this.options.changed(target.player, target.button, true);
    } else {
      this.down.delete(code);
      if (--this.holds[slot]! === 0) this.options.changed(target.player, target.button, false);
    }
  }

  private releaseAll(): void {
    for (const [code, { player, button }] of [...this.down]) this.setCode(code, player, button, false);
  }
}
