import { BUTTONS, type ButtonEvent, type InputSource } from '../../src/input/buttons.ts';
import { PadSeats } from '../evdev/pad-seats.ts';
import { type HidApi, type HidHandle, hidId, hidName, isGamepad } from './hid-api.ts';
import { decodeReport, type HidMaps, type HidPadMap } from './hid-map.ts';

export interface HidSourceOptions {
  /** node-hid (see loadNodeHid) or a fake. */
  readonly api: HidApi;
  /** Learned maps by 'vvvv:pppp' (from hid-maps.json). Pads without a map are not opened. */
  readonly maps: HidMaps;
  readonly log?: (message: string) => void;
  readonly notice?: (text: string) => void;
  /** ms between checks for pads plugged in later (HID has no change events); 0 = never. Default 2000. */
  readonly pollMs?: number;
}

interface OpenPad {
  readonly path: string;
  readonly name: string;
  readonly map: HidPadMap;
  readonly handle: HidHandle;
  /** Per button: 1 while held (indexed like BUTTONS); `next` is the scratch for a new report. */
  readonly held: Uint8Array;
  readonly next: Uint8Array;
  /** Buttons whose press joined: ignored until released. */
  readonly swallowed: Uint8Array;
}

/**
 * Gamepads through node-hid, for machines without evdev (macOS, Windows) or hidraw-only setups.
 * Only pads with a learned map are used. Players are seated like evdev pads: first press joins,
 * an unplugged pad (read error) marks its player disconnected until it comes back.
 */
export class HidSource implements InputSource {
  private readonly open = new Map<string, OpenPad>();
  private readonly connectionListeners: ((player: number, connected: boolean) => void)[] = [];
  private readonly seats: PadSeats;
  private emit: ((event: ButtonEvent) => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: HidSourceOptions) {
    this.seats = new PadSeats({
      joined: (player, name, how) => {
        options.log?.(`hid: P${player + 1} ${how === 'returned' ? 'is back' : 'joined'}: ${name}`);
        options.notice?.(`P${player + 1} ${how === 'returned' ? 'BACK' : 'JOINED'}`);
        for (const l of this.connectionListeners) l(player, true);
      },
      lost: (player, name) => {
        options.log?.(`hid: P${player + 1} lost: ${name}`);
        options.notice?.(`P${player + 1} LOST`);
        for (const l of this.connectionListeners) l(player, false);
      },
    });
  }

  onConnection(listener: (player: number, connected: boolean) => void): void {
    this.connectionListeners.push(listener);
  }

  get pads(): string[] {
    return [...this.open.values()].map((p) => p.name);
  }

  start(emit: (event: ButtonEvent) => void): void {
    this.emit = emit;
    this.rescan();
    const every = this.options.pollMs ?? 2000;
    if (every > 0) {
      this.timer = setInterval(() => this.rescan(), every);
      this.timer.unref();
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const pad of [...this.open.values()]) this.close(pad, false);
    this.emit = undefined;
  }

  /** Opens mapped pads that are not open yet. */
  rescan(): void {
    let devices: ReturnType<HidApi['devices']>;
    try {
      devices = this.options.api.devices();
    } catch (error) {
      this.options.log?.(`hid: cannot list devices: ${(error as Error).message}`);
      return;
    }
    for (const info of devices) {
      const map = this.options.maps[hidId(info)];
      if (!map || !info.path || !isGamepad(info) || this.open.has(info.path)) continue;
      let handle: HidHandle;
      try {
        handle = this.options.api.open(info.path);
      } catch (error) {
        this.options.log?.(`hid: cannot open ${hidName(info)}: ${(error as Error).message}`);
        continue;
      }
      const pad: OpenPad = {
        path: info.path,
        name: hidName(info),
        map,
        handle,
        held: new Uint8Array(BUTTONS.length),
        next: new Uint8Array(BUTTONS.length),
        swallowed: new Uint8Array(BUTTONS.length),
      };
      this.open.set(info.path, pad);
      handle.on('data', (report) => this.onReport(pad, report));
      handle.on('error', () => this.close(pad, true));
      this.seats.arrived(pad.path, pad.name);
    }
  }

  private onReport(pad: OpenPad, report: Uint8Array): void {
    decodeReport(pad.map, report, pad.next);
    let player = this.seats.playerOf(pad.path);
    for (let i = 0; i < BUTTONS.length; i++) {
      const now = pad.next[i]!;
      if (now === pad.held[i]) continue;
      pad.held[i] = now;
      if (player === undefined) {
        if (now === 1) {
          player = this.seats.pressed(pad.path, pad.name);
          if (player !== undefined) pad.swallowed[i] = 1;
        }
        continue;
      }
      if (pad.swallowed[i] === 1) {
        if (now === 0) pad.swallowed[i] = 0;
        continue;
      }
      this.emit?.({ player, button: BUTTONS[i]!, down: now === 1 });
    }
  }

  private close(pad: OpenPad, lost: boolean): void {
    if (this.open.get(pad.path) !== pad) return;
    const player = this.seats.playerOf(pad.path);
    if (player !== undefined) {
      for (let i = 0; i < BUTTONS.length; i++) {
        if (pad.held[i] === 1 && pad.swallowed[i] === 0)
          this.emit?.({ player, button: BUTTONS[i]!, down: false });
      }
    }
    pad.held.fill(0);
    this.open.delete(pad.path);
    try {
      pad.handle.close();
    } catch {
      // already gone
    }
    if (lost) this.seats.left(pad.path, pad.name);
  }
}
