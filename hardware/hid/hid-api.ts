/**
 * The part of node-hid this project uses, so tests run on a fake and the real module stays an
 * optional dependency loaded only when HID input is wanted.
 */

export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly product?: string | undefined;
  readonly manufacturer?: string | undefined;
  /** HID usage page and usage: 1/4 = joystick, 1/5 = gamepad. */
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
}

/** An open device: emits 'data' with each input report and 'error' when it goes away. */
export interface HidHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

export interface HidApi {
  devices(): HidDeviceInfo[];
  open(path: string): HidHandle;
}

/** True for joysticks and gamepads (generic desktop page, usage 4 or 5). */
export function isGamepad(device: HidDeviceInfo): boolean {
  return device.usagePage === 1 && (device.usage === 4 || device.usage === 5);
}

/** 'vvvv:pppp' in lowercase hex: the key learned maps are saved under. */
export function hidId(device: Pick<HidDeviceInfo, 'vendorId' | 'productId'>): string {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `${hex(device.vendorId)}:${hex(device.productId)}`;
}

export function hidName(device: HidDeviceInfo): string {
  return [device.manufacturer, device.product].filter(Boolean).join(' ').trim() || hidId(device);
}

interface NodeHidModule {
  devices(): HidDeviceInfo[];
  HID: new (path: string) => HidHandle;
}

/**
 * Loads node-hid on first use. Resolves undefined (with the reason in `why`) when it is not
 * installed or its native part does not load: HID input is optional.
 */
export async function loadNodeHid(why: (reason: string) => void = () => {}): Promise<HidApi | undefined> {
  let mod: NodeHidModule;
  try {
    const imported = (await import('node-hid' as string)) as NodeHidModule & { default?: NodeHidModule };
    mod = imported.default ?? imported;
  } catch (error) {
    why(
      `node-hid could not be loaded (${(error as Error).message.split('\n')[0]}); it is an optional ` +
        'dependency: install it with `npm install node-hid` for HID gamepads',
    );
    return undefined;
  }
  try {
    mod.devices(); // loads the native part now, so a broken install is reported here
  } catch (error) {
    why(
      `node-hid is installed but its native part failed (${(error as Error).message.split('\n')[0]}); ` +
        'on Linux install libusb-1.0-0 and libudev1, or rebuild it with `npm rebuild node-hid`',
    );
    return undefined;
  }
  return {
    devices: () => mod.devices(),
    open: (path) => new mod.HID(path),
  };
}
