import { type FSWatcher, readdirSync, readFileSync, readlinkSync, watch } from 'node:fs';
import { basename, join } from 'node:path';
import { deviceKey, type InputDevice, parseProcDevices } from './devices.ts';

/** What the watcher does with what it finds. */
export interface DeviceHandlers {
  /**
   * A device to open (kind 'other' is never offered). 'open': taken; 'retry': not openable yet
   * (udev still creating the node or setting its group): offered again soon; 'skip': offered
   * again only at the next change.
   */
  added(device: InputDevice, byId: string | undefined): 'open' | 'retry' | 'skip';
  /** A taken device left the list (or was replaced on its node by another). */
  removed(device: InputDevice): void;
}

export interface DeviceWatcherOptions {
  /** Root of the device tree; default '/dev'. */
  readonly devRoot?: string;
  /** Root of procfs; default '/proc' (the device list is <procRoot>/bus/input/devices). */
  readonly procRoot?: string;
  /** Kernel bitmap word size for /proc/bus/input/devices; default from the kernel's machine. */
  readonly wordBits?: 32 | 64;
  /** Watch <devRoot>/input for hot-plug (default true). Tests call rescan() instead. */
  readonly watch?: boolean;
  /** ms between rescans after a change in /dev/input (udev sets permissions a moment later). */
  readonly settleMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * Keeps the set of taken input devices equal to <procRoot>/bus/input/devices: offers new ones,
 * reports vanished ones. A watch on <devRoot>/input triggers rescans (twice: udev creates a node,
 * then sets its group); without a watch it polls every 2 s. Knows nothing of what devices mean.
 */
export class DeviceWatcher {
  private readonly devRoot: string;
  private readonly procRoot: string;
  /** Taken devices by event node. */
  private readonly taken = new Map<string, InputDevice>();
  private watcher: FSWatcher | undefined;
  private timers: NodeJS.Timeout[] = [];
  /** Rescans already scheduled (a burst of watch events schedules only one round). */
  private scheduled = 0;
  private started = false;
  private procProblem: string | undefined;

  constructor(
    private readonly handlers: DeviceHandlers,
    private readonly options: DeviceWatcherOptions = {},
  ) {
    this.devRoot = options.devRoot ?? '/dev';
    this.procRoot = options.procRoot ?? '/proc';
  }

  start(): void {
    this.started = true;
    this.rescan();
    if (this.options.watch ?? true) this.watchDevices();
  }

  stop(): void {
    this.started = false;
    this.watcher?.close();
    this.watcher = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.scheduled = 0;
    this.taken.clear();
  }

  /** Compares the device list with what is taken: drops vanished devices, offers new ones. */
  rescan(): void {
    if (!this.started) return;
    const listed = this.listDevices();
    for (const [event, device] of [...this.taken]) {
      const now = listed.find((d) => d.event === event);
      if (!now || deviceKey(now) !== deviceKey(device)) this.release(event);
    }
    let retry = false;
    const links = this.byId();
    for (const device of listed) {
      if (device.kind === 'other' || this.taken.has(device.event)) continue;
      const result = this.handlers.added(device, links.get(device.event));
      if (result === 'open') this.taken.set(device.event, device);
      else if (result === 'retry') retry = true;
    }
    if (retry) this.retrySoon();
  }

  /**
   * A taken device stopped by itself (its read ended): forget it and rescan soon, so it is
   * reported removed, or offered again if it is still there.
   */
  lost(event: string): void {
    this.release(event);
    this.retrySoon();
  }

  private release(event: string): void {
    const device = this.taken.get(event);
    if (!device) return;
    this.taken.delete(event);
    this.handlers.removed(device);
  }

  private listDevices(): InputDevice[] {
    const file = join(this.procRoot, 'bus', 'input', 'devices');
    try {
      const devices = parseProcDevices(readFileSync(file, 'utf8'), this.options.wordBits);
      this.procProblem = undefined;
      return devices;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      if (this.procProblem !== code)
        this.options.log?.(
          `evdev: cannot read ${file} (${(error as Error).message}); no keyboards or gamepads from /dev/input`,
        );
      this.procProblem = code;
      return [];
    }
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

  private watchDevices(): void {
    const dir = join(this.devRoot, 'input');
    try {
      this.watcher = watch(dir, { persistent: false }, () => this.retrySoon());
      this.watcher.on('error', () => this.pollDevices());
    } catch (error) {
      this.options.log?.(
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
}
