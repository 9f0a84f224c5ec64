import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecords, type RecordSize } from '../../../hardware/evdev/decoder.ts';
import type { EventStream, OpenEventStream, StreamHandlers } from '../../../hardware/evdev/event-stream.ts';

/** /proc/bus/input/devices blocks as a 64-bit kernel prints them. */
export const PROC = {
  xbox: (event: string, port = '1.3') => `I: Bus=0003 Vendor=045e Product=028e Version=0114
N: Name="Microsoft X-Box 360 pad"
P: Phys=usb-0000:01:00.0-${port}/input0
S: Sysfs=/devices/platform/scb/fd500000.pcie/usb1/1-${port}/input/input5
U: Uniq=
H: Handlers=${event} js0 
B: PROP=0
B: EV=20000b
B: KEY=7cdb000000000000 0 0 0 0
B: ABS=3003f
B: FF=107030000 0
`,
  snes: (event: string, port = '1.2') => `I: Bus=0003 Vendor=0079 Product=0011 Version=0110
N: Name="DragonRise Inc.   Generic   USB  Joystick  "
P: Phys=usb-0000:01:00.0-${port}/input0
U: Uniq=
H: Handlers=${event} js1 
B: EV=1b
B: KEY=3ff00000000 0 0 0 0
B: ABS=3
`,
  eightBitDo: (event: string) => `I: Bus=0005 Vendor=2dc8 Product=6001 Version=0000
N: Name="8BitDo SN30 Pro"
P: Phys=dc:a6:32:00:00:01
U: Uniq=e4:17:d8:00:00:02
H: Handlers=${event} js2 
B: EV=1b
B: KEY=7fff000000000000 0 0 0 0
B: ABS=3003f
`,
  keyboard: (event: string) => `I: Bus=0003 Vendor=046d Product=c31c Version=0110
N: Name="Logitech USB Keyboard"
P: Phys=usb-0000:01:00.0-1.4/input0
U: Uniq=
H: Handlers=sysrq kbd leds ${event} 
B: EV=120013
B: KEY=1000000000007 ff800000000007ff febeffdfffefffff fffffffffffffffe
`,
  gpio: (event: string, gpio: number) => `I: Bus=0019 Vendor=0001 Product=0001 Version=0100
N: Name="button@${gpio.toString(16)}"
P: Phys=gpio-keys/input0
U: Uniq=
H: Handlers=kbd ${event} 
B: EV=3
B: KEY=400000000000 0
`,
  mouse: (event: string) => `I: Bus=0003 Vendor=046d Product=c077 Version=0111
N: Name="Logitech USB Optical Mouse"
P: Phys=usb-0000:01:00.0-1.1/input0
U: Uniq=
H: Handlers=mouse0 ${event} 
B: EV=17
B: KEY=1f0000 0 0 0 0
`,
};

/** A throwaway /dev and /proc with the given devices; `set` rewrites the device list (hot-plug). */
export class FakeTree {
  readonly root = mkdtempSync(join(tmpdir(), 'ledtable-input-'));
  readonly devRoot = join(this.root, 'dev');
  readonly procRoot = join(this.root, 'proc');

  constructor(blocks: Record<string, string> = {}) {
    mkdirSync(join(this.devRoot, 'input', 'by-id'), { recursive: true });
    mkdirSync(join(this.procRoot, 'bus', 'input'), { recursive: true });
    this.set(blocks);
  }

  /** event name → its /proc block. Creates the event files and by-id links, removes others. */
  set(blocks: Record<string, string>): void {
    rmSync(join(this.devRoot, 'input'), { recursive: true, force: true });
    mkdirSync(join(this.devRoot, 'input', 'by-id'), { recursive: true });
    for (const [event, block] of Object.entries(blocks)) {
      writeFileSync(join(this.devRoot, 'input', event), '');
      const name = /N: Name="([^"]*)"/.exec(block)?.[1]?.replace(/\W+/g, '_') ?? event;
      symlinkSync(`../${event}`, join(this.devRoot, 'input', 'by-id', `usb-${name}-${event}`));
    }
    writeFileSync(join(this.procRoot, 'bus', 'input', 'devices'), Object.values(blocks).join('\n'));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Streams opened by the source under test; the test writes records to them or unplugs them. */
export class FakeStreams {
  readonly streams = new Map<string, StreamHandlers>();
  readonly denied = new Set<string>();
  recordSize: RecordSize = 24;

  readonly open: OpenEventStream = (path, handlers): EventStream => {
    const name = path.split('/').pop()!;
    if (this.denied.has(name))
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    this.streams.set(name, handlers);
    return {
      mode: 'socket',
      close: () => {
        this.streams.delete(name);
      },
    };
  };

  /** Writes real-format records to device `event` ('event3'), optionally split into chunks. */
  write(event: string, records: { type: number; code: number; value: number }[], chunk = 0): void {
    const stream = this.streams.get(event);
    if (!stream) throw new Error(`${event} is not open`);
    const bytes = encodeRecords(records, this.recordSize);
    if (chunk <= 0) stream.data(bytes);
    else for (let at = 0; at < bytes.length; at += chunk) stream.data(bytes.subarray(at, at + chunk));
  }

  /** The device vanished: the read fails with ENODEV. */
  unplug(event: string): void {
    const stream = this.streams.get(event);
    this.streams.delete(event);
    stream?.end(Object.assign(new Error('ENODEV: no such device, read'), { code: 'ENODEV' }));
  }
}
