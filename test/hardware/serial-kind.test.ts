import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { serialKind } from '../../hardware/serial-kind.ts';

const root = mkdtempSync(join(tmpdir(), 'ledtable-serial-kind-'));
const dev = join(root, 'dev');
const sysfs = join(root, 'sys');
mkdirSync(join(dev, 'serial/by-id'), { recursive: true });

/** A device node stand-in and its sysfs entry whose device/driver links to `driver`. */
function device(name: string, driver?: string): string {
  const path = join(dev, name);
  writeFileSync(path, '');
  if (driver) {
    const entry = join(sysfs, 'class/tty', name, 'device');
    mkdirSync(entry, { recursive: true });
    mkdirSync(join(sysfs, 'bus/drivers', driver), { recursive: true });
    symlinkSync(join(sysfs, 'bus/drivers', driver), join(entry, 'driver'));
  }
  return path;
}

test('names: ttyACM* is USB CDC; ttyUSB*, ttyAMA*, ttyS* are UARTs', () => {
  assert.is(serialKind('/dev/ttyACM0', sysfs).kind, 'usb-cdc');
  for (const name of ['ttyUSB0', 'ttyAMA0', 'ttyS0', 'ttyAML1'])
    assert.is(serialKind(`/dev/${name}`, sysfs).kind, 'uart', name);
  assert.is(serialKind('/dev/ttyACM0', sysfs).how, 'by its name ttyACM0');
});

test('a /dev/serial/by-id link is followed to its device name', () => {
  const target = device('ttyACM3');
  const link = join(dev, 'serial/by-id/usb-Teensyduino_USB_Serial_12345-if00');
  symlinkSync(target, link);
  assert.equal(serialKind(link, sysfs), { kind: 'usb-cdc', how: 'by its name ttyACM3' });
});

test('other names are decided by the kernel driver in sysfs; unknown devices count as UARTs', () => {
  assert.equal(serialKind(device('rfcomm-cdc', 'cdc_acm'), sysfs), {
    kind: 'usb-cdc',
    how: 'by its kernel driver cdc_acm',
  });
  assert.equal(serialKind(device('bridge0', 'ftdi_sio'), sysfs), {
    kind: 'uart',
    how: 'by its kernel driver ftdi_sio',
  });
  assert.equal(serialKind(device('pts-like'), sysfs), {
    kind: 'uart',
    how: 'unknown device, assumed a UART',
  });
});

test.run();
