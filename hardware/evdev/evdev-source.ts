import { type FSWatcher, readdirSync, readFileSync, readlinkSync, watch } from 'node:fs';
import { basename, join } from 'node:path';
import {
  BUTTONS,
  type Button,
  type ButtonEvent,
  type InputSource,
  MAX_PLAYERS,
} from '../../src/input/buttons.ts';
import { AxisFilter, knownAxisRange } from './axis.ts';
import { ABS_HAT0X, ABS_HAT0Y, ABS_X, ABS_Y, EV_ABS, EV_KEY, EV_SYN, SYN_DROPPED } from './codes.ts';
import { EvdevDecoder, type InputEventRecord, nativeRecordSize, type RecordSize } from './decoder.ts';
import { deviceKey, type InputDevice, parseProcDevices } from './devices.ts';
import { type EventStream, type OpenEventStream, openEventStream } from './event-stream.ts';
import {
  DEFAULT_KEY_BUTTONS,
  type KeyButtons,
  matchesDevice,
  type PadButtons,
  type PadMapRule,
  type PadPlayerRule,
  padButtonsFor,
} from './maps.ts';
import { PadSeats } from './pad-seats.ts';

export interface EvdevSourceOptions {
  /** Root of the device tree; default '/dev' (tests pass a fake tree). */
  readonly devRoot?: string;
  /** Root of procfs; default '/proc' (the device list is <procRoot>/bus/input/devices). */
  readonly procRoot?: string;
  /** Bytes per record; default: this process's ABI (16 on 32-bit ARM, else 24). */
  readonly recordSize?: RecordSize;
  /** Kernel bitmap word size for /proc/bus/input/devices; default from the kernel's machine. */
  readonly wordBits?: 32 | 64;
  readonly padMaps?: readonly PadMapRule[];
  readonly padPlayers?: readonly PadPlayerRule[];
  readonly keyButtons?: KeyButtons;
  /** Problems and device changes worth a log line. */
  readonly log?: (message: string) => void;
  /** Short texts for the table or status line: 'P1 JOINED', 'P2 LOST'. */
  readonly notice?: (text: string) => void;
  /** Watch <devRoot>/input for hot-plug (default true). Tests call rescan() instead. */
  readonly watch?: boolean;
  /** How device files are opened (default: openEventStream). */
  readonly open?: OpenEventStream;
  /** ms between rescans after a change in /dev/input (udev sets permissions a moment later). */
  readonly settleMs?: number;
}

/** One open device and its decoding state. */
interface OpenDevice {
  readonly device: InputDevice;
  readonly key: string;
  readonly path: string;
  readonly pad: PadButtons | undefined;
  stream: EventStream | undefined;
  readonly decoder: EvdevDecoder;
  /** Per player×button: how many of this device's inputs hold it (two keys may map to A). */
  readonly holds: Int16Array;
  /** Codes currently down that were forwarded, with where they went. */
  readonly down: Map<number, { player: number; button: Button }>;
  /** Codes whose press joined a player: their release is swallowed. */
  readonly swallowed: Set<number>;
  readonly stickX: AxisFilter;
  readonly stickY: AxisFilter;
  hatX: number;
  hatY: number;
}

const INPUT_GROUP_HINT =
  'add the user to the input group (sudo usermod -aG input $USER, then log in again) or run as the ledtable service';

/**
 * Keyboards, gamepads and GPIO buttons (gpio-key overlay) from Linux evdev, in plain TypeScript.
 * Devices come from <procRoot>/bus/input/devices and <devRoot>/input; a watch on <devRoot>/input
 * picks up pads plugged in later. Keyboards and GPIO buttons map keys to fixed players; a pad
 * joins as the next free player with its first button press (or as the player the config names)
 * and, when unplugged, marks that player disconnected until it returns.
 */
export class EvdevSource implements InputSource {
  private readonly devRoot: string;
  private readonly procRoot: string;
  private readonly recordSize: RecordSize;
  private readonly open = new Map<string, OpenDevice>();
  /** Devices that could not be opened, with the error code (reported once). */
  private readonly refused = new Map<string, string>();
  private readonly seats: PadSeats;
  private readonly connectionListeners: ((player: number, connected: boolean) => void)[] = [];
  private emit: ((event: ButtonEvent) => void) | undefined;
  private watcher: FSWatcher | undefined;
  private timers: NodeJS.Timeout[] = [];
  /** Rescans already scheduled (a burst of watch events schedules only one round). */
  private scheduled = 0;
  private started = false;

  constructor(private readonly options: EvdevSourceOptions = {}) {
    this.devRoot = options.devRoot ?? '/dev';
    this.procRoot = options.procRoot ?? '/proc';
    this.recordSize = options.recordSize ?? nativeRecordSize();
    const fixed = options.padPlayers ?? [];
    this.seats = new PadSeats(
      {
        joined: (player, name, how) => {
          this.log(`P${player + 1} ${how === 'returned' ? 'is back' : 'joined'}: ${name}`);
          this.options.notice?.(`P${player + 1} ${how === 'returned' ? 'BACK' : 'JOINED'}`);
          for (const listener of this.connectionListeners) listener(player, true);
        },
        lost: (player, name) => {
          this.log(`P${player + 1} lost: ${name} was unplugged`);
          this.options.notice?.(`P${player + 1} LOST`);
          for (const listener of this.connectionListeners) listener(player, false);
        },
      },
      (name) => fixed.find((r) => matchesDevice(r.match, { name, vendor: '', product: '' }))?.player,
    );
  }

  onConnection(listener: (player: number, connected: boolean) => void): void {
    this.connectionListeners.push(listener);
  }

  /** Devices open right now (name, kind, event node, player of a seated pad). */
  get devices(): { name: string; kind: string; event: string; player: number | undefined }[] {
    return [...this.open.values()].map((d) => ({
      name: d.device.name,
      kind: d.device.kind,
      event: d.device.event,
      player: d.pad ? this.seats.playerOf(d.key) : undefined,
    }));
  }

  /**
   * Opens every keyboard, pad and GPIO button there is. No device at all is fine (pads may come
   * later); devices that cannot be opened are logged with the fix and skipped.
   */
  start(emit: (event: ButtonEvent) => void): void {
    this.emit = emit;
    this.started = true;
    this.rescan();
    if (this.options.watch ?? true) this.watchDevices();
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.watcher?.close();
    this.watcher = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.scheduled = 0;
    for (const open of [...this.open.values()]) this.close(open, false);
    this.emit = undefined;
  }

  /** Compares the device list with what is open: opens new devices, drops vanished ones. */
  rescan(): void {
    if (!this.started) return;
    const listed = this.listDevices();
    const names = new Set(listed.map((d) => d.event));
    for (const open of [...this.open.values()]) {
      if (
        !names.has(open.device.event) ||
        !sameDevice(
          open.device,
          listed.find((d) => d.event === open.device.event),
        )
      )
        this.lose(open);
    }
    for (const device of listed) {
      if (device.kind === 'other' || this.open.has(device.event)) continue;
      this.openDevice(device);
    }
  }

  private listDevices(): InputDevice[] {
    let text: string;
    try {
      text = readFileSync(join(this.procRoot, 'bus', 'input', 'devices'), 'utf8');
    } catch (error) {
      this.reportOnce(
        'proc',
        (error as NodeJS.ErrnoException).code ?? 'error',
        () =>
          `evdev: cannot read ${join(this.procRoot, 'bus/input/devices')} (${(error as Error).message}); no keyboards or gamepads from /dev/input`,
      );
      return [];
    }
    return parseProcDevices(text, this.options.wordBits);
  }

  /** by-id link names by event node ('event3' → 'usb-Microsoft_X-Box_360_pad-event-joystick'). */
  private byId(): Map<string, string> {
    const links = new Map<string, string>();
    const dir = join(this.devRoot, 'input', 'by-id');
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return links;
    }
    for (const name of names) {
      try {
        links.set(basename(readlinkSync(join(dir, name))), name);
      } catch {
        // not a link: ignore
      }
    }
    return links;
  }

  private openDevice(device: InputDevice): void {
    const path = join(this.devRoot, 'input', device.event);
    const key = deviceKey(device);
    const open: OpenDevice = {
      device,
      key,
      path,
      pad: device.kind === 'gamepad' ? padButtonsFor(device, this.options.padMaps ?? []) : undefined,
      stream: undefined,
      decoder: new EvdevDecoder(this.recordSize, (record) => this.onRecord(open, record)),
      holds: new Int16Array(MAX_PLAYERS * BUTTONS.length),
      down: new Map(),
      swallowed: new Set(),
      stickX: new AxisFilter(axisOptions(device)),
      stickY: new AxisFilter(axisOptions(device)),
      hatX: 0,
      hatY: 0,
    };
    try {
      open.stream = (this.options.open ?? openEventStream)(path, {
        data: (chunk) => open.decoder.feed(chunk),
        end: (error) => this.ended(open, error),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      const label = `${path} (${device.name})`;
      if (code === 'EACCES' || code === 'EPERM') {
        this.reportOnce(
          device.event,
          code,
          () => `evdev: no permission to read ${label}; ${INPUT_GROUP_HINT}`,
        );
        this.retrySoon(); // udev may still be setting the group on a fresh node
      } else if (code === 'ENOENT') {
        this.retrySoon(); // listed before udev created the node
      } else {
        this.reportOnce(device.event, code, () => `evdev: cannot open ${label}: ${(error as Error).message}`);
      }
      return;
    }
    this.refused.delete(device.event);
    this.open.set(device.event, open);
    const id = this.byId().get(device.event);
    this.log(`evdev: ${device.kind} ${device.name} on ${device.event}${id ? ` (${id})` : ''}`);
    if (open.pad) this.seats.arrived(key, device.name);
  }

  private onRecord(open: OpenDevice, r: InputEventRecord): void {
    if (r.type === EV_KEY) {
      if (r.value === 2) return; // auto-repeat: the engine has its own
      this.onKey(open, r.code, r.value !== 0);
    } else if (r.type === EV_ABS && open.pad) {
      this.onAxis(open, r.code, r.value);
    } else if (r.type === EV_SYN && r.code === SYN_DROPPED) {
      this.releaseAll(open); // the kernel dropped events: safest is to let go of everything
    }
  }

  private onKey(open: OpenDevice, code: number, down: boolean): void {
    if (!open.pad) {
      const binding = (this.options.keyButtons ?? DEFAULT_KEY_BUTTONS).get(code);
      if (binding) this.setCode(open, code, binding.player, binding.button, down);
      return;
    }
    const button = open.pad.get(code);
    let player = this.seats.playerOf(open.key);
    if (down && player === undefined) {
      player = this.seats.pressed(open.key, open.device.name);
      if (player !== undefined) open.swallowed.add(code); // the joining press does nothing else
      return;
    }
    if (!down && open.swallowed.delete(code)) return;
    if (button && player !== undefined) this.setCode(open, code, player, button, down);
  }

  private onAxis(open: OpenDevice, code: number, value: number): void {
    const player = this.seats.playerOf(open.key);
    if (player === undefined) return;
    if (code === ABS_HAT0X) {
      open.hatX = Math.sign(value);
      this.direction(open, -1, player, open.hatX, 'left', 'right');
    } else if (code === ABS_HAT0Y) {
      open.hatY = Math.sign(value);
      this.direction(open, -2, player, open.hatY, 'up', 'down');
    } else if (code === ABS_X) {
      this.direction(open, -3, player, open.stickX.update(value), 'left', 'right');
    } else if (code === ABS_Y) {
      this.direction(open, -4, player, open.stickY.update(value), 'up', 'down');
    }
  }

  /** An axis as two virtual codes (source*2 and source*2-1, negative so they never clash with keys). */
  private direction(
    open: OpenDevice,
    source: number,
    player: number,
    dir: number,
    low: Button,
    high: Button,
  ): void {
    this.setCode(open, source * 2, player, low, dir < 0);
    this.setCode(open, source * 2 - 1, player, high, dir > 0);
  }

  /** Records that `code` is up or down and emits when the player's button changes. */
  private setCode(open: OpenDevice, code: number, player: number, button: Button, down: boolean): void {
    const was = open.down.get(code);
    if (down === (was !== undefined)) return;
    const target = was ?? { player, button };
    const slot = target.player * BUTTONS.length + BUTTONS.indexOf(target.button);
    if (down) {
      open.down.set(code, target);
      if (open.holds[slot]!++ === 0) this.emit?.({ player, button, down: true });
    } else {
      open.down.delete(code);
      if (--open.holds[slot]! === 0)
        this.emit?.({ player: target.player, button: target.button, down: false });
    }
  }

  private releaseAll(open: OpenDevice): void {
    for (const [code, { player, button }] of [...open.down]) this.setCode(open, code, player, button, false);
    open.swallowed.clear();
    open.hatX = open.hatY = 0;
  }

  /** The stream ended by itself: ENODEV (unplugged) or an error. */
  private ended(open: OpenDevice, error?: NodeJS.ErrnoException): void {
    open.stream = undefined;
    if (error && error.code !== 'ENODEV') this.log(`evdev: ${open.device.name} stopped: ${error.message}`);
    this.lose(open);
    this.retrySoon();
  }

  private lose(open: OpenDevice): void {
    if (this.open.get(open.device.event) !== open) return;
    this.close(open, true);
    if (!open.pad) this.log(`evdev: ${open.device.kind} ${open.device.name} went away`);
  }

  private close(open: OpenDevice, lost: boolean): void {
    this.releaseAll(open);
    open.stream?.close();
    open.stream = undefined;
    this.open.delete(open.device.event);
    if (lost && open.pad) this.seats.left(open.key, open.device.name);
  }

  private watchDevices(): void {
    const dir = join(this.devRoot, 'input');
    try {
      this.watcher = watch(dir, { persistent: false }, () => this.retrySoon());
      this.watcher.on('error', () => this.pollDevices());
    } catch (error) {
      this.log(
        `evdev: cannot watch ${dir} (${(error as Error).message}); checking for new devices every 2 s`,
      );
      this.pollDevices();
    }
  }

  private pollDevices(): void {
    this.watcher?.close();
    this.watcher = undefined;
    const timer = setInterval(() => this.rescan(), 2000);
    timer.unref();
    this.timers.push(timer);
  }

  /** Rescans shortly and again a little later (udev creates the node, then sets its group). */
  private retrySoon(): void {
    if (!this.started || !(this.options.watch ?? true) || this.scheduled > 0) return;
    const settle = this.options.settleMs ?? 150;
    for (const delay of [settle, settle * 10]) {
      this.scheduled++;
      const timer = setTimeout(() => {
        this.scheduled--;
        this.timers = this.timers.filter((t) => t !== timer);
        this.rescan();
      }, delay);
      timer.unref();
      this.timers.push(timer);
    }
  }

  private reportOnce(what: string, code: string, message: () => string): void {
    if (this.refused.get(what) === code) return;
    this.refused.set(what, code);
    this.log(message());
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

function sameDevice(a: InputDevice, b: InputDevice | undefined): boolean {
  return b !== undefined && deviceKey(a) === deviceKey(b);
}

function axisOptions(device: InputDevice): { range?: { min: number; max: number } } {
  const range = knownAxisRange(device);
  return range ? { range } : {};
}
