import { defineOptions } from '../src/config/options.ts';
import { defineOutput } from '../src/output/output-kind.ts';
import { PixelFormat, type WireOrder, wireFormat } from '../src/output/pixel-format.ts';
import { whiteOptions } from '../src/output/white.ts';
import { colorOrderOptions } from './color-order.ts';
import { ledsPerUniverse } from './e131.ts';
import {
  checkFrameLength,
  type Lookup,
  type PacketEncoder,
  packetBytes,
  parseHostPort,
  UdpOutput,
} from './udp-output.ts';

/** Art-Net (Artistic Licence, protocol 14): UDP port 6454. */
export const ARTNET_PORT = 6454;
/** "Art-Net\0", the first 8 bytes of every packet. */
const ARTNET_ID = [0x41, 0x72, 0x74, 0x2d, 0x4e, 0x65, 0x74, 0x00];
export const ARTNET_OP_DMX = 0x5000;
export const ARTNET_OP_SYNC = 0x5200;
export const ARTNET_PROTOCOL = 14;
/** ArtDmx bytes before the DMX data. */
export const ARTDMX_HEADER = 18;
export const ARTSYNC_LENGTH = 14;
/** Largest 15-bit Port-Address: net 127, sub-net 15, universe 15. */
export const ARTNET_MAX_PORT_ADDRESS = 0x7fff;

/** A 15-bit Port-Address split as Art-Net names it: net (0..127), sub-net (0..15), universe (0..15). */
export function splitPortAddress(address: number): { net: number; subnet: number; universe: number } {
  return { net: (address >> 8) & 0x7f, subnet: (address >> 4) & 0x0f, universe: address & 0x0f };
}

export interface ArtNetEncoderOptions {
  ledCount: number;
  /** Port-Address of the first universe, 0..32767 (net·256 + sub-net·16 + universe); default 0. */
  portAddress?: number;
  /** Byte order; 4 letters (e.g. rgbw) put 4 channels per LED, 128 LEDs per universe. */
  colorOrder?: WireOrder;
  /** The wire format (order and white extraction); overrides colorOrder. */
  format?: PixelFormat;
  /** Send an ArtSync after each frame so nodes show all universes at once (default true). */
  sync?: boolean;
}

/**
 * One frame as ArtDmx packets, one per universe (170 RGB or 128 RGBW LEDs each; the strip
 * continues on the next Port-Address), then one ArtSync. ArtDmx: ID, OpCode 0x5000 (little
 * endian), protocol 14 (big endian), Sequence (1..255), Physical 0, SubUni (sub-net·16 +
 * universe), Net, Length (big endian, even, 2..512), data. Buffers allocated once.
 */
export class ArtNetEncoder implements PacketEncoder {
  readonly ledCount: number;
  readonly portAddress: number;
  readonly format: PixelFormat;
  readonly packets: readonly Uint8Array[];
  /** The ArtDmx packets only. */
  readonly dmx: readonly Uint8Array[];
  private readonly leds: readonly number[];

  constructor(options: ArtNetEncoderOptions) {
    const { ledCount } = options;
    const first = options.portAddress ?? 0;
    if (!Number.isInteger(ledCount) || ledCount < 1)
      throw new RangeError(`Art-Net: LED count must be ≥ 1, got ${ledCount}`);
    const format = options.format ?? new PixelFormat(options.colorOrder ?? 'rgb');
    const perUniverse = ledsPerUniverse(format.bytesPerLed);
    const count = Math.ceil(ledCount / perUniverse);
    if (!Number.isInteger(first) || first < 0 || first + count - 1 > ARTNET_MAX_PORT_ADDRESS) {
      throw new RangeError(
        `Art-Net: universes ${first}..${first + count - 1} must lie within 0..${ARTNET_MAX_PORT_ADDRESS} (15-bit Port-Address)`,
      );
    }
    this.ledCount = ledCount;
    this.portAddress = first;
    this.format = format;
    const dmx: Uint8Array[] = [];
    const leds: number[] = [];
    for (let u = 0; u < count; u++) {
      const n = Math.min(perUniverse, ledCount - u * perUniverse);
      const slots = n * format.bytesPerLed;
      const length = Math.max(2, slots + (slots % 2)); // even, at least 2
      const p = Buffer.alloc(ARTDMX_HEADER + length);
      p.set(ARTNET_ID, 0);
      p.writeUInt16LE(ARTNET_OP_DMX, 8);
      p.writeUInt16BE(ARTNET_PROTOCOL, 10);
      p[12] = 0; // sequence, per frame
      p[13] = 0; // physical input port
      const address = first + u;
      p[14] = address & 0xff; // SubUni: sub-net (high nibble) and universe (low nibble)
      p[15] = (address >> 8) & 0x7f; // Net
      p.writeUInt16BE(length, 16);
      dmx.push(p);
      leds.push(n);
    }
    this.dmx = dmx;
    this.leds = leds;
    const packets: Uint8Array[] = [...dmx];
    if (options.sync ?? true) {
      const sync = Buffer.alloc(ARTSYNC_LENGTH);
      sync.set(ARTNET_ID, 0);
      sync.writeUInt16LE(ARTNET_OP_SYNC, 8);
      sync.writeUInt16BE(ARTNET_PROTOCOL, 10);
      packets.push(sync); // Aux1, Aux2: 0
    }
    this.packets = packets;
  }

  get frameBytes(): number {
    return packetBytes(this.packets);
  }

  encode(frame: Readonly<Uint8Array>, sequence = 0): void {
    checkFrameLength('Art-Net', frame, this.ledCount);
    let led = 0;
    for (let u = 0; u < this.dmx.length; u++) {
      const packet = this.dmx[u]!;
      packet[12] = sequence & 0xff;
      const n = this.leds[u]!;
      this.format.write(frame, led, packet, ARTDMX_HEADER, n);
      led += n;
    }
  }
}

export interface ArtNetOptions extends ArtNetEncoderOptions {
  host: string;
  /** Default 6454. */
  port?: number;
  lookup?: Lookup;
}

/** Sends frames as Art-Net (ArtDmx per universe, then ArtSync) to one node. */
export class ArtNetDriver extends UdpOutput {
  readonly name = 'artnet';

  constructor(options: ArtNetOptions) {
    super(
      {
        host: options.host,
        port: options.port ?? ARTNET_PORT,
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      () => new ArtNetEncoder(options),
    );
  }

  protected ledBytes(encoder: ArtNetEncoder): number {
    return encoder.ledCount * 3;
  }
}

export const artnetOptions = defineOptions('artnet output (Art-Net)', {
  artnetUniverse: {
    flag: '--artnet-universe',
    type: 'int',
    default: 0,
    min: 0,
    max: ARTNET_MAX_PORT_ADDRESS,
    arg: 'N',
    help:
      'artnet output and --live artnet: Port-Address of the first universe (net × 256 + sub-net × 16 + ' +
      'universe; 170 RGB LEDs each, the strip continues on the next).',
    scope: 'config',
  },
});

/** `--output artnet:HOST[:PORT]`: ArtDmx per universe, then ArtSync, to one node. */
export const artnetOutput = defineOutput({
  name: 'artnet',
  target: { syntax: 'HOST[:PORT]', example: 'artnet:192.168.1.50' },
  options: [artnetOptions, colorOrderOptions, whiteOptions],
  create: ({ target, layout, options }) => {
    const { host, port } = parseHostPort('artnet', target, ARTNET_PORT);
    return new ArtNetDriver({
      host,
      port,
      ledCount: layout.ledCount,
      portAddress: options.artnetUniverse,
      format: wireFormat(options),
    });
  },
});
