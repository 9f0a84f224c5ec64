import { defineOptions } from '../src/config/options.ts';
import type { LedDriver } from '../src/output/driver.ts';
import { defineOutput } from '../src/output/output-kind.ts';
import { WhiteExtractor, whiteExtractor, whiteOptions } from '../src/output/white.ts';
import { type BoardPaths, readBoard } from './board.ts';

/** The part of rpi-ws281x-native's channel this driver uses. */
export interface Ws281xChannel {
  readonly count: number;
  /** 0x00RRGGBB per LED, owned by the library; the strip type decides the order on the wire. */
  readonly array: Uint32Array | null;
}

/** The part of rpi-ws281x-native's module surface this driver uses (tests pass a fake). */
export interface Ws281xModule {
  (
    count: number,
    options: {
      dma: number;
      freq: number;
      gpio: number;
      invert: boolean;
      brightness: number;
      stripType: string;
    },
  ): Ws281xChannel;
  render(): void;
  reset(): void;
  finalize(): void;
}

/** Strip types rpi-ws281x-native knows (the type sets the colour order on the wire). */
export const WS281X_STRIP_TYPES = [
  'ws2812',
  'sk6812',
  'ws2811-rgb',
  'ws2811-rbg',
  'ws2811-grb',
  'ws2811-gbr',
  'ws2811-brg',
  'ws2811-bgr',
  'sk6812-rgbw',
  'sk6812-rbgw',
  'sk6812-grbw',
  'sk6812-gbrw',
  'sk6812-brgw',
  'sk6812-bgrw',
] as const;

/** Data pins the library drives on channel 0: 18 and 12 (PWM0), 21 (PCM), 10 (SPI0 MOSI). */
export const WS281X_PINS = [18, 12, 21, 10] as const;
export type Ws281xStripType = (typeof WS281X_STRIP_TYPES)[number];
/** DMA channel, always 10: DMA 5 (the library's default) corrupts SD card filesystems on the Pi 3. */
export const WS281X_DMA = 10;

const ALTERNATIVES =
  'drive the strip instead through --output ddp:HOST or e131:HOST to an ESP32 running WLED, or ' +
  '--output tpm2:/dev/ttyACM0 to a USB microcontroller (see hardware/README.md)';

export interface Ws281xOptions {
  ledCount: number;
  /** BCM pin number: 18 (default), 12, 21 or 10. */
  gpio?: number;
  /** Default 'ws2812' (GRB on the wire). */
  stripType?: Ws281xStripType;
  /** Invert the signal (inverting level shifter). */
  invert?: boolean;
  /** W extraction for the sk6812-…w (RGBW) strip types; default none. */
  white?: WhiteExtractor;
  /** Loads rpi-ws281x-native; tests inject a fake. */
  load?: () => Promise<Ws281xModule>;
  /** Effective user id; the library silently returns a do-nothing stub unless it is 0. */
  getuid?: (() => number) | undefined;
  /** Where the board model and revision are read (for the "not supported" message). */
  board?: BoardPaths;
}

async function loadNative(): Promise<Ws281xModule> {
  const mod = (await import('rpi-ws281x-native' as string)) as { default: Ws281xModule };
  return mod.default;
}

/**
 * WS2812/SK6812 strips on a Raspberry Pi's GPIO through rpi-ws281x-native (an optional
 * dependency, loaded at open()). Frames arrive as RGB in strip order; the library reorders to
 * the strip type's wire order. Brightness stays at 255 in the library: the colour pipeline does it.
 * close() blanks the strip and finalizes the library (releases DMA and PWM).
 */
export class Ws281xDriver implements LedDriver {
  readonly name = 'ws281x';
  readonly ledCount: number;
  readonly gpio: number;
  readonly stripType: Ws281xStripType;
  readonly invert: boolean;
  /** RGBW strip types: W is extracted from each colour (0xWWRRGGBB per LED in the library). */
  readonly white: WhiteExtractor | undefined;
  private readonly load: () => Promise<Ws281xModule>;
  private readonly getuid: (() => number) | undefined;
  private readonly board: BoardPaths;
  private lib: Ws281xModule | undefined;
  private array: Uint32Array | undefined;
  private state: 'new' | 'open' | 'closed' = 'new';

  constructor(options: Ws281xOptions) {
    this.ledCount = options.ledCount;
    this.gpio = options.gpio ?? 18;
    this.stripType = options.stripType ?? 'ws2812';
    this.invert = options.invert ?? false;
    this.white = /^sk6812-...w$/.test(this.stripType)
      ? (options.white ?? new WhiteExtractor('none'))
      : undefined;
    this.load = options.load ?? loadNative;
    this.getuid = 'getuid' in options ? options.getuid : process.getuid?.bind(process);
    this.board = options.board ?? {};
  }

  async open(): Promise<void> {
    if (this.state === 'open') return;
    if (!(WS281X_PINS as readonly number[]).includes(this.gpio)) {
      throw new Error(
        `ws281x: GPIO ${this.gpio} cannot drive the strip; use --ws281x-gpio 18 (PWM, default), 12 (PWM), 21 (PCM) or 10 (SPI)`,
      );
    }
    if (!(WS281X_STRIP_TYPES as readonly string[]).includes(this.stripType)) {
      throw new Error(
        `ws281x: unknown strip type "${this.stripType}"; use one of ${WS281X_STRIP_TYPES.join(', ')}`,
      );
    }
    if (!Number.isInteger(this.ledCount) || this.ledCount < 1) {
      throw new Error(`ws281x: LED count must be ≥ 1, got ${this.ledCount}`);
    }
    if (this.getuid === undefined) {
      throw new Error(`ws281x runs only on Linux on a Raspberry Pi; on this system ${ALTERNATIVES}`);
    }
    if (this.getuid() !== 0) {
      throw new Error(
        'ws281x needs root (without it rpi-ws281x-native silently does nothing): run with sudo, or install ' +
          `the systemd service (systemd/), which runs as root; or ${ALTERNATIVES}`,
      );
    }
    // The native library crashes (SIGSEGV) on machines that are not a Raspberry Pi, and cannot
    // drive the Pi 5's RP1 chip: refuse before loading it.
    const board = readBoard(this.board);
    if (!board.model?.startsWith('Raspberry Pi')) {
      throw new Error(`ws281x: ${board.text} is not a Raspberry Pi; ${ALTERNATIVES}`);
    }
    if (/^Raspberry Pi 5|^Raspberry Pi Compute Module 5|^Raspberry Pi 500/.test(board.model)) {
      throw new Error(
        `ws281x: rpi-ws281x-native cannot drive the ${board.text} (its RP1 chip has no supported PWM/PCM DMA path); ` +
          "use the kernel's own driver instead: --output leds:/dev/leds0 with " +
          '`dtoverlay=ws2812-pio,gpio=18,num_leds=N` in /boot/firmware/config.txt (systemd/install.sh adds it; ' +
          `see hardware/README.md), or ${ALTERNATIVES}`,
      );
    }
    let lib: Ws281xModule;
    try {
      lib = await this.load();
    } catch (error) {
      throw new Error(
        `ws281x: rpi-ws281x-native could not be loaded (${(error as Error).message.split('\n')[0]}): on the Pi run ` +
          `\`npm install rpi-ws281x-native\` (it builds a native module); or ${ALTERNATIVES}`,
      );
    }
    let channel: Ws281xChannel;
    try {
      channel = lib(this.ledCount, {
        dma: WS281X_DMA,
        freq: 800000,
        gpio: this.gpio,
        invert: this.invert,
        brightness: 255,
        stripType: this.stripType,
      });
    } catch (error) {
      try {
        lib.finalize();
      } catch {}
      const message = (error as Error).message;
      if (/hardware revision is not supported/i.test(message)) {
        throw new Error(
          `ws281x: rpi-ws281x-native does not support ${readBoard(this.board).text}; its revision table stops ` +
            `before the Pi 4 rev 1.5, the Zero 2 W and the Pi 5. Instead, ${ALTERNATIVES}`,
        );
      }
      throw new Error(
        `ws281x: the LED library failed to start on GPIO ${this.gpio} (${message}); check that nothing else ` +
          `uses the pin (audio on PWM, SPI enabled for GPIO 10), or ${ALTERNATIVES}`,
      );
    }
    if (!channel.array || channel.array.length !== this.ledCount) {
      throw new Error(
        `ws281x: the library gave no LED buffer for ${this.ledCount} LEDs (a stub?); run as root on a Raspberry Pi, or ${ALTERNATIVES}`,
      );
    }
    this.lib = lib;
    this.array = channel.array;
    this.state = 'open';
  }

  show(frame: Readonly<Uint8Array>): void {
    const array = this.array;
    if (this.state !== 'open' || !array) {
      throw new Error(`ws281x.show() called while the output is ${this.state}: call open() first`);
    }
    const n = this.ledCount;
    if (frame.length !== n * 3)
      throw new RangeError(`ws281x: expected ${n * 3} bytes (${n} LEDs), got ${frame.length}`);
    const white = this.white;
    if (white) {
      for (let i = 0, s = 0; i < n; i++, s += 3) {
        const px = white.extract(frame[s]!, frame[s + 1]!, frame[s + 2]!);
        array[i] = ((px[3]! << 24) | (px[0]! << 16) | (px[1]! << 8) | px[2]!) >>> 0;
      }
    } else {
      for (let i = 0, s = 0; i < n; i++, s += 3)
        array[i] = (frame[s]! << 16) | (frame[s + 1]! << 8) | frame[s + 2]!;
    }
    this.lib!.render();
  }

  /** Renders all black, then finalizes the library. Safe twice and before open. */
  async close(): Promise<void> {
    if (this.state !== 'open') {
      this.state = 'closed';
      return;
    }
    this.state = 'closed';
    const lib = this.lib!;
    try {
      lib.reset();
    } finally {
      lib.finalize();
    }
  }
}

export const ws281xOptions = defineOptions("ws281x output (a strip on the Pi's GPIO)", {
  ws281xGpio: {
    flag: '--ws281x-gpio',
    type: 'int',
    default: 18,
    min: 0,
    max: 53,
    arg: 'PIN',
    help: 'ws281x output: GPIO (BCM number) of the data line: 18 or 12 (PWM), 21 (PCM), 10 (SPI).',
    scope: 'config',
  },
  ws281xStrip: {
    flag: '--ws281x-strip',
    type: 'enum',
    default: 'ws2812',
    values: WS281X_STRIP_TYPES,
    arg: 'TYPE',
    help:
      'ws281x output: strip type, which sets the colour order on the wire: ws2812, sk6812 (both GRB), ' +
      'ws2811-rgb…bgr, and for RGBW strips sk6812-rgbw…bgrw (see --white).',
    scope: 'config',
  },
  ws281xInvert: {
    flag: '--ws281x-invert',
    type: 'bool',
    default: false,
    help: 'ws281x output: invert the data signal (for an inverting level shifter such as a single transistor).',
    scope: 'config',
  },
});

/** `--output ws281x`: the strip on the Pi's own GPIO pin (the pin is an option, not a target). */
export const ws281xOutput = defineOutput({
  name: 'ws281x',
  options: [ws281xOptions, whiteOptions],
  create: ({ layout, options }) =>
    new Ws281xDriver({
      ledCount: layout.ledCount,
      gpio: options.ws281xGpio,
      stripType: options.ws281xStrip,
      invert: options.ws281xInvert,
      white: whiteExtractor(options),
    }),
});
