import { defineOptions } from '../src/config/options.ts';
import type { LedDriver } from '../src/output/driver.ts';
import { defineOutput } from '../src/output/output-kind.ts';
import { type ColorOrder, colorOrderOptions, rgbOrder } from './color-order.ts';
import { type SerialKind, serialKind } from './serial-kind.ts';
import { Tpm2Encoder } from './tpm2.ts';

/** The part of a serialport SerialPort this driver uses (tests may pass a fake). */
export interface SerialLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
  on(event: 'close', listener: (error?: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export type OpenPort = (path: string, baud: number) => SerialLike | Promise<SerialLike>;

async function openSerialPort(path: string, baud: number): Promise<SerialLike> {
  const { SerialPort } = await import('serialport');
  return new SerialPort({ path, baudRate: baud, autoOpen: false }) as unknown as SerialLike;
}

/** Frames per second a serial line carries: 10 bits per byte (start, 8 data, stop). */
export function lineFramesPerSecond(baud: number, frameBytes: number): number {
  return baud / 10 / frameBytes;
}

export interface Tpm2SerialOptions {
  /** Device path, e.g. /dev/ttyACM0. */
  path: string;
  /**
   * Line speed. Given, frames are paced by it on any device. Absent, the device's kind decides:
   * a USB CDC board (which ignores the baud rate) is paced by write completion only, a UART by
   * 115200 baud.
   */
  baud?: number;
  /** The device's kind; detected from its name and sysfs when absent (see serial-kind.ts). */
  kind?: SerialKind;
  ledCount: number;
  /** Byte order the controller expects; default 'rgb'. */
  colorOrder?: ColorOrder;
  /** Wait between attempts to reopen a lost device, ms; default 1000. */
  retryMs?: number;
  /** Where "device lost" / "reconnected" lines go (the engine's log). */
  log?: (message: string) => void;
  /** Where the start-up line about pacing goes (the log's info level). */
  info?: (message: string) => void;
  openPort?: OpenPort;
}

/** The line speed of a UART when --baud is not given (and the speed the port is opened at). */
export const DEFAULT_BAUD = 115200;

/**
 * TPM2 frames (C9 DA size… 36) over a serial line, as the USB LED controllers of the C++
 * LEDTableEngine take them. Never queues faster than the device takes them: a frame goes out
 * only when the previous one has been written (drain) and, when paced by the baud rate, its line
 * time (bytes × 10 / baud) has passed; frames shown meanwhile replace each other (the newest
 * wins, the others count in `dropped`). `pacing` says which, and open() logs it. A lost device
 * is reopened every retryMs while the game runs on; the newest frame goes out once it is back. close() sends an all-black frame.
 */
export class Tpm2SerialDriver implements LedDriver {
  readonly name = 'tpm2';
  readonly path: string;
  readonly baud: number;
  /** 'baud': paced by the line time; 'write': by write completion only (USB CDC, no --baud). */
  readonly pacing: 'baud' | 'write';
  /** Why: the device kind and how it was found, or that --baud was given. */
  readonly pacingReason: string;
  /** Milliseconds one frame occupies the line (0 when paced by write completion). */
  readonly frameMs: number;
  /** Frames replaced by a newer one before they could be sent. */
  dropped = 0;
  /** Frames written to the device (the blank one on close included). */
  sent = 0;
  /** Times the device was reopened after being lost. */
  reconnects = 0;
  private readonly encoder: Tpm2Encoder;
  private readonly retryMs: number;
  private readonly log: (message: string) => void;
  private readonly info: (message: string) => void;
  private readonly openPort: OpenPort;
  private port: SerialLike | undefined;
  private state: 'new' | 'open' | 'lost' | 'closed' = 'new';
  /** Frame on the wire (owned by the port until drain). */
  private wire: Buffer;
  /** Newest frame waiting for the line. */
  private pending: Buffer;
  private hasPending = false;
  private busy = false;
  private nextAt = 0;
  private paceTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private idle: (() => void) | undefined;
  private readonly onDrained = (error: Error | null) => {
    this.busy = false;
    if (error) this.lose(error);
    else this.pump();
    if (!this.busy) this.idle?.();
  };
  private readonly onWritten = (error: Error | null | undefined) => {
    if (error) this.lose(error);
  };
  private readonly onPace = () => {
    this.paceTimer = undefined;
    this.pump();
  };

  constructor(options: Tpm2SerialOptions) {
    this.path = options.path;
    this.baud = options.baud ?? DEFAULT_BAUD;
    if (!Number.isInteger(this.baud) || this.baud < 1)
      throw new RangeError(`tpm2: baud must be a positive integer, got ${this.baud}`);
    if (options.baud !== undefined) {
      this.pacing = 'baud';
      this.pacingReason = '--baud was given';
    } else {
      const detected = options.kind ? { kind: options.kind, how: 'as configured' } : serialKind(this.path);
      this.pacing = detected.kind === 'usb-cdc' ? 'write' : 'baud';
      this.pacingReason = `${detected.kind === 'usb-cdc' ? 'a USB CDC device' : 'a UART'} (${detected.how})`;
    }
    this.encoder = new Tpm2Encoder(options.ledCount, options.colorOrder ?? 'rgb');
    this.wire = Buffer.alloc(this.encoder.frameBytes);
    this.pending = Buffer.alloc(this.encoder.frameBytes);
    this.frameMs =
      this.pacing === 'baud' ? 1000 / lineFramesPerSecond(this.baud, this.encoder.frameBytes) : 0;
    this.retryMs = options.retryMs ?? 1000;
    this.log = options.log ?? (() => {});
    this.info = options.info ?? (() => {});
    this.openPort = options.openPort ?? openSerialPort;
  }

  async open(): Promise<void> {
    if (this.state === 'open') return;
    try {
      this.port = await this.connect();
    } catch (error) {
      throw new Error(this.explain(error as Error));
    }
    this.state = 'open';
    this.info(`tpm2 ${this.path}: ${this.describePacing()}`);
  }

  /** One line for the start-up log: how frames are paced and why. */
  describePacing(): string {
    if (this.pacing === 'write')
      return `paced by write completion, ${this.pacingReason}; --baud N paces by a line speed instead`;
    const fps = lineFramesPerSecond(this.baud, this.encoder.frameBytes).toFixed(1);
    return `paced at ${this.baud} baud (at most ${fps} frames/s of ${this.encoder.ledCount} LEDs), ${this.pacingReason}`;
  }

  show(frame: Readonly<Uint8Array>): void {
    if (this.state === 'new' || this.state === 'closed') {
      throw new Error(`tpm2.show() called while the output is ${this.state}: call open() first`);
    }
    if (this.hasPending) this.dropped++;
    this.encoder.encode(frame, this.pending);
    this.hasPending = true;
    this.pump();
  }

  /** Waits for the frame on the wire, sends an all-black frame, waits for it, closes the port. Safe twice. */
  async close(): Promise<void> {
    const was = this.state;
    this.state = 'closed';
    clearTimeout(this.retryTimer);
    clearTimeout(this.paceTimer);
    this.paceTimer = undefined;
    const port = this.port;
    this.port = undefined;
    if (was !== 'open' || !port) {
      port?.removeAllListeners();
      return;
    }
    const settled = () =>
      new Promise<void>((resolve) => {
        if (!this.busy) return resolve();
        const timer = setTimeout(resolve, Math.max(200, 2 * this.frameMs));
        this.idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    await settled();
    this.encoder.encode(new Uint8Array(this.encoder.ledCount * 3), this.wire);
    this.busy = true;
    port.write(this.wire, () => {});
    port.drain(() => {
      this.busy = false;
      this.idle?.();
    });
    this.sent++;
    await settled();
    this.idle = undefined;
    await new Promise<void>((resolve) => port.close(() => resolve()));
    port.removeAllListeners();
  }

  /** Sends the pending frame when the line is free and its time has come, else arms a timer. */
  private pump(): void {
    if (this.state === 'closed') return;
    if (this.state !== 'open' || this.busy || !this.hasPending || this.paceTimer) return;
    const now = performance.now();
    if (now < this.nextAt) {
      this.paceTimer = setTimeout(this.onPace, Math.ceil(this.nextAt - now));
      this.paceTimer.unref();
      return;
    }
    const sending = this.pending;
    this.pending = this.wire;
    this.wire = sending;
    this.hasPending = false;
    this.busy = true;
    this.nextAt = now + this.frameMs;
    const port = this.port!;
    port.write(sending, this.onWritten);
    port.drain(this.onDrained);
    this.sent++;
  }

  private async connect(): Promise<SerialLike> {
    const port = await this.openPort(this.path, this.baud);
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    port.on('error', (error) => this.lose(error));
    port.on('close', (error) => {
      if (this.port === port && this.state === 'open') this.lose(error ?? new Error('the port closed'));
    });
    return port;
  }

  private lose(error: Error): void {
    if (this.state !== 'open') return;
    this.state = 'lost';
    this.busy = false;
    clearTimeout(this.paceTimer);
    this.paceTimer = undefined;
    const port = this.port;
    this.port = undefined;
    if (port) {
      port.removeAllListeners();
      port.on('error', () => {});
      if (port.isOpen) port.close(() => {});
    }
    this.log(`tpm2 ${this.path}: device lost (${error.message}); retrying every ${this.retryMs} ms`);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.retryTimer = setTimeout(() => void this.retry(), this.retryMs);
    this.retryTimer.unref();
  }

  private async retry(): Promise<void> {
    if (this.state !== 'lost') return;
    let port: SerialLike;
    try {
      port = await this.connect();
    } catch {
      if (this.state === 'lost') this.scheduleRetry();
      return;
    }
    if (this.state !== 'lost') {
      port.removeAllListeners();
      port.close(() => {});
      return;
    }
    this.port = port;
    this.state = 'open';
    this.reconnects++;
    this.nextAt = 0;
    this.log(`tpm2 ${this.path}: reconnected`);
    this.pump();
  }

  private explain(error: Error): string {
    const message = error.message;
    if (/no such file|ENOENT|cannot open/i.test(message) && !/permission/i.test(message)) {
      return (
        `tpm2: serial device ${this.path} not found: plug in the LED controller, check \`ls /dev/ttyACM* /dev/ttyUSB*\`, ` +
        'and give its path as --output tpm2:DEVICE'
      );
    }
    if (/permission denied|EACCES/i.test(message)) {
      return `tpm2: no permission to open ${this.path}: add your user to the dialout group (sudo usermod -aG dialout $USER, then log in again)`;
    }
    if (/lock/i.test(message)) {
      return `tpm2: ${this.path} is in use by another program (${message}); close it and retry`;
    }
    return `tpm2: cannot open ${this.path} (${message}); check the device path and the --baud value`;
  }
}

export const tpm2SerialOptions = defineOptions('tpm2 output (serial)', {
  baud: {
    flag: '--baud',
    type: 'int',
    default: undefined,
    min: 300,
    max: 12000000,
    help:
      'tpm2 serial output: pace frames by this line speed in baud (frames are dropped to the newest when ' +
      'the line is full). Not given: a USB CDC board (ttyACM*) is paced by write completion, a UART ' +
      '(ttyUSB*, ttyAMA*, ttyS*) by 115200 baud; the log says which.',
    scope: 'config',
  },
});

/** `--output tpm2:DEVICE`: TPM2 frames over a serial line to a microcontroller. */
export const tpm2SerialOutput = defineOutput({
  name: 'tpm2',
  target: { syntax: 'DEVICE', example: 'tpm2:/dev/ttyACM0' },
  note: 'serial',
  options: [tpm2SerialOptions, colorOrderOptions],
  create: ({ target, layout, options, log, info }) =>
    new Tpm2SerialDriver({
      path: target,
      ...(options.baud === undefined ? {} : { baud: options.baud }),
      ledCount: layout.ledCount,
      colorOrder: rgbOrder('tpm2', options.colorOrder),
      ...(log ? { log } : {}),
      ...(info ? { info } : {}),
    }),
});
