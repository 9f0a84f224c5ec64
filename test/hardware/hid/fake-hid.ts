import { EventEmitter } from 'node:events';
import type { HidApi, HidDeviceInfo, HidHandle } from '../../../hardware/hid/hid-api.ts';

/** A fake of node-hid's surface: devices() and open(path); the test sends reports or unplugs. */
export class FakeHid implements HidApi {
  readonly handles = new Map<string, FakeHandle>();
  constructor(public list: HidDeviceInfo[]) {}

  devices(): HidDeviceInfo[] {
    return this.list;
  }

  open(path: string): HidHandle {
    if (!this.list.some((d) => d.path === path)) throw new Error(`could not open HID device ${path}`);
    const handle = new FakeHandle();
    this.handles.set(path, handle);
    return handle;
  }

  /** Sends one input report from the device at `path`. */
  send(path: string, bytes: number[]): void {
    this.handles.get(path)?.emit('data', Buffer.from(bytes));
  }

  unplug(path: string): void {
    this.list = this.list.filter((d) => d.path !== path);
    this.handles.get(path)?.emit('error', new Error('could not read from HID device'));
  }
}

class FakeHandle extends EventEmitter implements HidHandle {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

/** A SNES-style USB pad: report = [x axis, y axis, buttons, hat nibble | other bits]. */
export const PAD: HidDeviceInfo = {
  vendorId: 0x0810,
  productId: 0xe501,
  path: '/dev/hidraw3',
  product: 'USB Gamepad',
  manufacturer: 'Generic',
  usagePage: 1,
  usage: 5,
};
