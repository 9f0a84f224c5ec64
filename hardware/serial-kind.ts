import { readlinkSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * What sits behind a serial device node, as far as pacing goes:
 * - `usb-cdc`: a USB CDC ACM board (Arduino/Teensy/ESP32 native USB): the baud rate is ignored and
 *   USB flow control paces the writes, so frames go out as fast as writes complete.
 * - `uart`: a real UART (USB-serial bridge chips, the Pi's own UARTs): bytes leave at the baud
 *   rate, so frames are paced by it or they pile up in the kernel's buffer.
 */
export type SerialKind = 'usb-cdc' | 'uart';

/** Kernel drivers of USB CDC ACM devices (sysfs `device/driver`). */
const CDC_DRIVERS = new Set(['cdc_acm']);

/**
 * Tells a device's kind from its name (ttyACM* = usb-cdc; ttyUSB*, ttyAMA*, ttyS*, ttyAML*,
 * ttySC* = uart), first as given, then after resolving symlinks (/dev/serial/by-id/…), then from
 * `<sysfs>/class/tty/<name>/device/driver`. Unknown devices (pseudo-terminals, unusual names)
 * count as `uart`: pacing by the baud rate is never too fast. `how` says what decided, for the log.
 */
export function serialKind(path: string, sysfs = '/sys'): { kind: SerialKind; how: string } {
  const byName = kindOfName(basename(path));
  if (byName) return { kind: byName, how: `by its name ${basename(path)}` };
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // a missing device is reported when the driver opens it
  }
  const realName = basename(real);
  const byRealName = kindOfName(realName);
  if (byRealName) return { kind: byRealName, how: `by its name ${realName}` };
  try {
    const driver = basename(readlinkSync(join(sysfs, 'class/tty', realName, 'device/driver')));
    return {
      kind: CDC_DRIVERS.has(driver) ? 'usb-cdc' : 'uart',
      how: `by its kernel driver ${driver}`,
    };
  } catch {
    return { kind: 'uart', how: 'unknown device, assumed a UART' };
  }
}

function kindOfName(name: string): SerialKind | undefined {
  if (/^ttyACM\d+$/.test(name)) return 'usb-cdc';
  if (/^tty(USB|AMA|S|AML|SC)\d+$/.test(name)) return 'uart';
  return undefined;
}
