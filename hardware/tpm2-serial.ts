import { defineOptions } from '../src/config/options.ts';
import type { LedDriver } from '../src/output/driver.ts';
import { defineOutput } from '../src/output/output-kind.ts';
import { type ColorOrder, colorOrderOptions, rgbOrder } from './color-order.ts';
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
  /** Line speed; default 115200. USB CDC boards ignore it and go faster, but pacing still follows it. */
  baud?: number;
  ledCount: number;
  /** Byte order the controller expects; default 'rgb'. */
  colorOrder?: ColorOrder;
  /** Wait between attempts to reopen a lost device, ms; default 1000. */
  retryMs?: number;
  /** Where "device lost" / "reconnected" lines go (the engine's log). */
  log?: (message: string) => void;
  openPort?: OpenPort;
}

/**
 * TPM2 frames (C9 DA size… 36) over a serial line, as the USB LED controllers of the C++
 * LEDTableEngine take them. Never queues faster than the line carries: a frame goes out only
 * when the previous one has been written (drain) and its line time (bytes × 10 / baud) has
 * passed; frames shown meanwhile replace each other (the newest wins, the others count in
 * `dropped`). A lost device is reopened every retryMs while the game runs on; the newest
 * frame goes out once it is back. close() sends an all-black frame.
 */
export class Tpm2SerialDriver implements LedDriver {
  readonly name = 'tpm2';
  readonly path: string;
  readonly baud: number;
  /** Milliseconds one frame occupies the line. */
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
    this.baud = options.baud ?? 115200;
    if (!Number.isInteger(this.baud) || this.baud < 1)
      throw new RangeError(`tpm2: baud must be a positive integer, got ${this.baud}`);
    this.encoder = new Tpm2Encoder(options.ledCount, options.colorOrder ?? 'rgb');
    this.wire = Buffer.alloc(this.encoder.frameBytes);
    this.pending = Buffer.alloc(this.encoder.frameBytes);
    this.frameMs = 1000 / lineFramesPerSecond(this.baud, this.encoder.frameBytes);
    this.retryMs = options.retryMs ?? 1000;
    this.log = options.log ?? (() => {});
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
    default: 115200,
    min: 300,
    max: 12000000,
    help: 'tpm2 serial output: line speed in baud (frames are dropped to the newest when the line is full).',
    scope: 'config',
  },
});

/** `--output tpm2:DEVICE`: TPM2 frames over a serial line to a microcontroller. */
export const tpm2SerialOutput = defineOutput({
  name: 'tpm2',
  target: { syntax: 'DEVICE', example: 'tpm2:/dev/ttyACM0' },
  note: 'serial',
  options: [tpm2SerialOptions, colorOrderOptions],
  create: ({ target, layout, options, log }) =>
    new Tpm2SerialDriver({
      path: target,
      baud: options.baud,
      ledCount: layout.ledCount,
      colorOrder: rgbOrder('tpm2', options.colorOrder),
      ...(log ? { log } : {}),
    }),
});
