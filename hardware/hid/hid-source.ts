import { BUTTONS, type ButtonEvent, type InputSource, type PadSink } from '../../src/input/buttons.ts';
import { type HidApi, type HidHandle, hidId, hidName, isGamepad } from './hid-api.ts';
import { decodeReport, type HidMaps, type HidPadMap } from './hid-map.ts';

export interface HidSourceOptions {
  /** node-hid (see loadNodeHid) or a fake. */
  readonly api: HidApi;
  /** Learned maps by 'vvvv:pppp' (from hid-maps.json). Pads without a map are not opened. */
  readonly maps: HidMaps;
  readonly log?: (message: string) => void;
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
}

/**
 * Gamepads through node-hid, for machines without evdev (macOS, Windows) or hidraw-only setups.
 * Only pads with a learned map are used. Each is reported as a pad (id = its HID path): connected,
 * button edges from its reports, disconnected on a read error; the table seats it.
 */
export class HidSource implements InputSource {
  private readonly open = new Map<string, OpenPad>();
  private sink: PadSink | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: HidSourceOptions) {}

  get pads(): string[] {
    return [...this.open.values()].map((p) => p.name);
  }

  start(_emit: (event: ButtonEvent) => void, pads: PadSink): void {
    this.sink = pads;
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
    this.sink = undefined;
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
      };
      this.open.set(info.path, pad);
      handle.on('data', (report) => this.onReport(pad, report));
      handle.on('error', () => this.close(pad, true));
      this.options.log?.(`hid: ${pad.name} on ${pad.path}`);
      this.sink?.padConnected({ id: pad.path, name: pad.name });
    }
  }

  private onReport(pad: OpenPad, report: Uint8Array): void {
    decodeReport(pad.map, report, pad.next);
    for (let i = 0; i < BUTTONS.length; i++) {
      const now = pad.next[i]!;
      if (now === pad.held[i]) continue;
      pad.held[i] = now;
      this.sink?.padButton(pad.path, BUTTONS[i]!, now === 1);
    }
  }

  private close(pad: OpenPad, lost: boolean): void {
    if (this.open.get(pad.path) !== pad) return;
    for (let i = 0; i < BUTTONS.length; i++) {
      if (pad.held[i] === 1) this.sink?.padButton(pad.path, BUTTONS[i]!, false);
    }
    pad.held.fill(0);
    this.open.delete(pad.path);
    try {
      pad.handle.close();
    } catch {
      // already gone
    }
    if (lost) this.sink?.padDisconnected(pad.path);
  }
}
