import { join } from 'node:path';
import type { ButtonEvent, InputSource, PadSink } from '../../src/input/buttons.ts';
import { nativeRecordSize, type RecordSize } from './decoder.ts';
import { DeviceReader } from './device-reader.ts';
import { DeviceWatcher } from './device-watcher.ts';
import { deviceKey, type InputDevice } from './devices.ts';
import { type OpenEventStream, openEventStream } from './event-stream.ts';
import {
  DEFAULT_KEY_BUTTONS,
  type KeyButtons,
  matchesDevice,
  type PadMapRule,
  type PadPlayerRule,
  padButtonsFor,
} from './maps.ts';

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
  /** Watch <devRoot>/input for hot-plug (default true). Tests call rescan() instead. */
  readonly watch?: boolean;
  /** How device files are opened (default: openEventStream). */
  readonly open?: OpenEventStream;
  /** ms between rescans after a change in /dev/input (udev sets permissions a moment later). */
  readonly settleMs?: number;
}

const INPUT_GROUP_HINT =
  'add the user to the input group (sudo usermod -aG input $USER, then log in again) or run as the ledtable service';

/**
 * Keyboards, gamepads and GPIO buttons (gpio-key overlay) from Linux evdev, in plain TypeScript.
 * A DeviceWatcher finds devices and a DeviceReader reads each one. Keyboards and GPIO buttons
 * map keys to fixed players (`emit`); gamepads are reported as pads (`pads`: connected, button
 * edges, disconnected), and the table seats them.
 */
export class EvdevSource implements InputSource {
  private readonly recordSize: RecordSize;
  private readonly watcher: DeviceWatcher;
  private readonly readers = new Map<string, { device: InputDevice; reader: DeviceReader }>();
  /** Devices that could not be opened, with the error code (reported once). */
  private readonly refused = new Map<string, string>();
  private emit: ((event: ButtonEvent) => void) | undefined;
  private pads: PadSink | undefined;

  constructor(private readonly options: EvdevSourceOptions = {}) {
    this.recordSize = options.recordSize ?? nativeRecordSize();
    this.watcher = new DeviceWatcher(
      {
        added: (device, byId) => this.openDevice(device, byId),
        removed: (device) => this.closeDevice(device),
      },
      {
        ...(options.devRoot ? { devRoot: options.devRoot } : {}),
        ...(options.procRoot ? { procRoot: options.procRoot } : {}),
        ...(options.wordBits ? { wordBits: options.wordBits } : {}),
        ...(options.watch !== undefined ? { watch: options.watch } : {}),
        ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
        log: (message) => this.log(message),
      },
    );
  }

  /** Devices open right now: name, kind, event node and, for pads, the id they are reported by. */
  get devices(): { name: string; kind: string; event: string; pad: string | undefined }[] {
    return [...this.readers.values()].map(({ device }) => ({
      name: device.name,
      kind: device.kind,
      event: device.event,
      pad: device.kind === 'gamepad' ? deviceKey(device) : undefined,
    }));
  }

  /**
   * Opens every keyboard, pad and GPIO button there is. No device at all is fine (pads may come
   * later); devices that cannot be opened are logged with the fix and skipped.
   */
  start(emit: (event: ButtonEvent) => void, pads: PadSink): void {
    this.emit = emit;
    this.pads = pads;
    this.watcher.start();
  }

  stop(): void {
    this.watcher.stop();
    for (const { device } of [...this.readers.values()]) this.closeDevice(device, false);
    this.emit = undefined;
    this.pads = undefined;
  }

  /** Compares the device list with what is open: opens new devices, drops vanished ones. */
  rescan(): void {
    this.watcher.rescan();
  }

  private openDevice(device: InputDevice, byId: string | undefined): 'open' | 'retry' | 'skip' {
    const path = join(this.options.devRoot ?? '/dev', 'input', device.event);
    const pad = device.kind === 'gamepad';
    const id = deviceKey(device);
    const padButtons = pad ? padButtonsFor(device, this.options.padMaps ?? []) : undefined;
    const keyButtons = this.options.keyButtons ?? DEFAULT_KEY_BUTTONS;
    let reader: DeviceReader;
    try {
      reader = new DeviceReader({
        device,
        path,
        recordSize: this.recordSize,
        open: this.options.open ?? openEventStream,
        axes: pad,
        bindingOf: padButtons
          ? (code) => {
              const button = padButtons.get(code);
              return button ? { player: 0, button } : undefined;
            }
          : (code) => keyButtons.get(code),
        changed: pad
          ? (_player, button, down) => this.pads?.padButton(id, button, down)
          : (player, button, down) => this.emit?.({ player, button, down }),
        ended: (error) => {
          if (error && error.code !== 'ENODEV') this.log(`evdev: ${device.name} stopped: ${error.message}`);
          this.watcher.lost(device.event);
        },
      });
    } catch (error) {
      return this.refuse(device, path, error as NodeJS.ErrnoException);
    }
    this.refused.delete(device.event);
    this.readers.set(device.event, { device, reader });
    this.log(`evdev: ${device.kind} ${device.name} on ${device.event}${byId ? ` (${byId})` : ''}`);
    if (pad) {
      const fixed = this.options.padPlayers?.find((r) => matchesDevice(r.match, device));
      this.pads?.padConnected({ id, name: device.name, player: fixed?.player });
    }
    return 'open';
  }

  private refuse(device: InputDevice, path: string, error: NodeJS.ErrnoException): 'retry' | 'skip' {
    const code = error.code ?? 'error';
    const label = `${path} (${device.name})`;
    if (code === 'ENOENT') return 'retry'; // listed before udev created the node
    if (this.refused.get(device.event) !== code) {
      this.refused.set(device.event, code);
      this.log(
        code === 'EACCES' || code === 'EPERM'
          ? `evdev: no permission to read ${label}; ${INPUT_GROUP_HINT}`
          : `evdev: cannot open ${label}: ${error.message}`,
      );
    }
    // udev may still be setting the group on a fresh node
    return code === 'EACCES' || code === 'EPERM' ? 'retry' : 'skip';
  }

  /** Closes a device: it went away (`lost`), or the source stops. */
  private closeDevice(device: InputDevice, lost = true): void {
    const open = this.readers.get(device.event);
    if (!open) return;
    this.readers.delete(device.event);
    open.reader.close();
    if (device.kind === 'gamepad') {
      if (lost) this.pads?.padDisconnected(deviceKey(device));
    } else if (lost) {
      this.log(`evdev: ${device.kind} ${device.name} went away`);
    }
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}
