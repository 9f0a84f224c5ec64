import { closeSync, constants, fstatSync, open as openFd, writeSync } from 'node:fs';
import { defineOptions } from '../src/config/options.ts';
import type { LedDriver } from '../src/output/driver.ts';
import { defineOutput } from '../src/output/output-kind.ts';
import { PixelFormat, parseWireOrder, type WireOrder } from '../src/output/pixel-format.ts';
import { WhiteExtractor, whiteExtractor, whiteOptions } from '../src/output/white.ts';

/**
 * The Raspberry Pi 5's kernel WS2812 driver, ws2812-pio-rp1 (raspberrypi/linux,
 * drivers/misc/ws2812-pio-rp1.c; enabled by `dtoverlay=ws2812-pio,gpio=N,num_leds=N[,rgbw]`).
 * Its device /dev/leds<N> takes, by plain write(), 4 bytes per pixel in the order R G B W
 * (W is ignored unless the overlay has `rgbw`); the driver sends them to the strip as G R B (W),
 * the WS2812/SK6812 order. A write that fills the whole buffer (num_leds × 4 bytes) is shown at
 * once; a shorter one after 50 ms with the rest blanked; a longer one fails with EFBIG. A single
 * byte written at offset 0 sets the driver's brightness; 0 means pass-through (no brightness and
 * no gamma in the kernel), which this output sets at open because our colour pipeline does both.
 */
export const LEDS_BYTES_PER_PIXEL = 4;

const OVERLAY_HELP =
  "on a Raspberry Pi 5 add `dtoverlay=ws2812-pio,gpio=18,num_leds=N` (N = the table's LED count; add `,rgbw` for " +
  'SK6812 RGBW) to /boot/firmware/config.txt and reboot; systemd/install.sh does this (see hardware/README.md)';

export interface LedsDeviceOptions {
  /** The device, e.g. /dev/leds0 (a regular file or a FIFO stands in for it in tests). */
  path: string;
  ledCount: number;
  /**
   * The strip's own order on the wire: 'grb' (WS2812, default), 'grbw' (SK6812 RGBW), or any
   * other; the bytes are arranged so that the kernel's fixed G R B W output becomes this order.
   */
  stripOrder?: WireOrder;
  /** W extraction for 4-letter strip orders (default none). */
  white?: WhiteExtractor;
}

/** The byte order to write so that the kernel's wire order (byte 1, 0, 2, 3) becomes `strip`. */
export function ledsByteOrder(strip: WireOrder): string {
  const o = parseWireOrder(strip);
  return `${o[1]}${o[0]}${o[2]}${o[3] ?? 'w'}`;
}

/**
 * `--output leds:/dev/leds0`: one write() per frame of ledCount × 4 bytes at offset 0 (a FIFO,
 * which cannot seek, gets the frames one after another). close() writes an all-black frame:
 * the kernel keeps showing the last frame after the device is closed.
 */
export class LedsDeviceDriver implements LedDriver {
  readonly name = 'leds';
  readonly path: string;
  readonly ledCount: number;
  readonly format: PixelFormat;
  /** write() calls made (the pass-through byte at open included). */
  writes = 0;
  private readonly buffer: Buffer;
  private fd: number | undefined;
  /** 0 for a device or file (rewrite from the start), null for a FIFO (append). */
  private position: number | null = 0;
  private state: 'new' | 'open' | 'closed' = 'new';

  constructor(options: LedsDeviceOptions) {
    const { ledCount } = options;
    if (!Number.isInteger(ledCount) || ledCount < 1) {
      throw new RangeError(`leds: LED count must be ≥ 1, got ${ledCount}`);
    }
    this.path = options.path;
    this.ledCount = ledCount;
    const strip = parseWireOrder(options.stripOrder ?? 'grb');
    const white =
      strip.length === 4 ? (options.white ?? new WhiteExtractor('none')) : new WhiteExtractor('none');
    this.format = new PixelFormat(ledsByteOrder(strip), white);
    this.buffer = Buffer.alloc(ledCount * LEDS_BYTES_PER_PIXEL);
  }

  async open(): Promise<void> {
    if (this.state === 'open') return;
    if (this.path === '') {
      throw new Error(
        `--output leds: needs the device after the colon, e.g. leds:/dev/leds0; ${OVERLAY_HELP}`,
      );
    }
    // Write-only, never created (a missing device must not become a file); opened off the loop
    // thread, since opening a FIFO waits for its reader.
    let fd: number;
    try {
      fd = await new Promise<number>((resolve, reject) =>
        openFd(this.path, constants.O_WRONLY, (error, opened) => (error ? reject(error) : resolve(opened))),
      );
    } catch (error) {
      throw new Error(this.explain(error as NodeJS.ErrnoException));
    }
    const stat = fstatSync(fd);
    this.position = stat.isFIFO() || stat.isSocket() ? null : 0;
    this.fd = fd;
    try {
      this.write(Buffer.of(0)); // brightness 0 = pass-through: the kernel adds no gamma of its own
    } catch (error) {
      closeSync(fd);
      this.fd = undefined;
      throw new Error(this.explain(error as NodeJS.ErrnoException));
    }
    this.state = 'open';
  }

  show(frame: Readonly<Uint8Array>): void {
    if (this.state !== 'open') {
      throw new Error(`leds.show() called while the output is ${this.state}: call open() first`);
    }
    const n = this.ledCount;
    if (frame.length !== n * 3)
      throw new RangeError(`leds: expected ${n * 3} bytes (${n} LEDs), got ${frame.length}`);
    this.format.write(frame, 0, this.buffer, 0, n);
    try {
      this.write(this.buffer);
    } catch (error) {
      throw new Error(this.explain(error as NodeJS.ErrnoException));
    }
  }

  /** Writes an all-black frame and closes the device. Safe twice and before open. */
  async close(): Promise<void> {
    if (this.state !== 'open') {
      this.state = 'closed';
      return;
    }
    this.state = 'closed';
    const fd = this.fd!;
    this.fd = undefined;
    try {
      this.buffer.fill(0);
      this.write(this.buffer, fd);
    } finally {
      closeSync(fd);
    }
  }

  private write(bytes: Buffer, fd = this.fd!): void {
    this.writes++;
    const written = writeSync(fd, bytes, 0, bytes.length, this.position);
    if (written !== bytes.length) {
      throw new Error(`leds: ${this.path} took ${written} of ${bytes.length} bytes`);
    }
  }

  private explain(error: NodeJS.ErrnoException): string {
    const where = `leds: ${this.path}`;
    switch (error.code) {
      case 'ENOENT':
        return `${where} does not exist: ${OVERLAY_HELP}`;
      case 'EACCES':
      case 'EPERM':
        return (
          `${where}: permission denied; systemd/install.sh adds a udev rule giving the gpio group write access ` +
          '(then `sudo usermod -aG gpio $USER` and log in again), or run the service it installs'
        );
      case 'EFBIG':
      case 'ENOSPC':
        return (
          `${where} holds fewer LEDs than the table's ${this.ledCount}: set num_leds=${this.ledCount} in the ` +
          'ws2812-pio overlay line of /boot/firmware/config.txt and reboot'
        );
      default:
        return `${where}: ${error.message}`;
    }
  }
}

export const ledsOptions = defineOptions('leds output (Raspberry Pi 5)', {
  ledsOrder: {
    flag: '--leds-order',
    type: 'string',
    default: 'grb',
    arg: 'ORDER',
    check: (value: string) => {
      try {
        parseWireOrder(value);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
    help:
      "leds output: the strip's own colour order (grb for WS2812, grbw for SK6812 RGBW with `rgbw` in the " +
      'overlay); ?order= on the output sets it per output.',
    scope: 'config',
  },
});

/** `--output leds:/dev/leds0`: the Raspberry Pi 5 kernel driver ws2812-pio-rp1. */
export const ledsOutput = defineOutput({
  name: 'leds',
  target: { syntax: 'DEVICE', example: 'leds:/dev/leds0' },
  note: 'Raspberry Pi 5 kernel driver',
  options: [ledsOptions, whiteOptions],
  create: ({ target, layout, options }) =>
    new LedsDeviceDriver({
      path: target,
      ledCount: layout.ledCount,
      stripOrder: options.ledsOrder,
      white: whiteExtractor(options),
    }),
});
