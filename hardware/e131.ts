import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { defineOptions } from '../src/config/options.ts';
import { defineOutput } from '../src/output/output-kind.ts';
import { PixelFormat, type WireOrder, wireFormat } from '../src/output/pixel-format.ts';
import { whiteOptions } from '../src/output/white.ts';
import { colorOrderOptions } from './color-order.ts';
import {
  checkFrameLength,
  type Lookup,
  type PacketEncoder,
  packetBytes,
  parseHostPort,
  UdpOutput,
} from './udp-output.ts';

/** E1.31 (streaming ACN, "sACN"): UDP port 5568. */
export const E131_PORT = 5568;
/** 170 RGB LEDs = 510 DMX slots per universe. */
export const E131_LEDS_PER_UNIVERSE = 170;
/** 128 RGBW LEDs = 512 DMX slots per universe. */
export const E131_RGBW_LEDS_PER_UNIVERSE = 128;

/** LEDs one 512-slot DMX universe carries whole: 170 at 3 bytes, 128 at 4. */
export function ledsPerUniverse(bytesPerLed: number): number {
  return Math.floor(512 / bytesPerLed);
}
/** Bytes before the DMX slots: root layer (38) + framing layer (77) + DMP layer up to the start code (11). */
export const E131_HEADER = 126;
const ACN_ID = [0x41, 0x53, 0x43, 0x2d, 0x45, 0x31, 0x2e, 0x31, 0x37, 0x00, 0x00, 0x00]; // "ASC-E1.17\0\0\0"
const VECTOR_ROOT_E131_DATA = 0x00000004;
const VECTOR_E131_DATA_PACKET = 0x00000002;
const VECTOR_DMP_SET_PROPERTY = 0x02;
/** Framing layer options bit 6: Stream_Terminated (E1.31 §6.2.6). */
export const E131_STREAM_TERMINATED = 0x40;
/** Packets with Stream_Terminated a source sends when it stops (E1.31 §6.2.6: three). */
export const E131_TERMINATION_PACKETS = 3;

/** The multicast group of a universe (E1.31 §9.3.1): 239.255.{universe high byte}.{low byte}. */
export function e131MulticastAddress(universe: number): string {
  if (!Number.isInteger(universe) || universe < 1 || universe > 63999) {
    throw new RangeError(`E1.31: universe must be 1..63999, got ${universe}`);
  }
  return `239.255.${universe >> 8}.${universe & 0xff}`;
}

/**
 * A stable 16-byte component id (CID) for this machine: a name-based UUID (version 5 layout)
 * from the host name, so a receiver sees the same source after every restart.
 */
export function stableCid(name = `ledtable@${hostname()}`): Uint8Array {
  const hash = createHash('sha1').update(name).digest();
  const cid = Uint8Array.from(hash.subarray(0, 16));
  cid[6] = (cid[6]! & 0x0f) | 0x50;
  cid[8] = (cid[8]! & 0x3f) | 0x80;
  return cid;
}

export interface E131EncoderOptions {
  ledCount: number;
  /** First universe, 1..63999; the strip continues in the next ones (170 LEDs each). */
  universe?: number;
  /** 0..200, default 100. */
  priority?: number;
  /** Up to 63 bytes of UTF-8; default "ledtable". */
  sourceName?: string;
  cid?: Uint8Array;
  /** 4 letters (e.g. rgbw) put 4 slots per LED, 128 LEDs per universe. */
  colorOrder?: WireOrder;
  /** The wire format (order and white extraction); overrides colorOrder. */
  format?: PixelFormat;
}

/**
 * One frame as E1.31 data packets, one per universe (170 LEDs = 510 slots each; the last
 * universe carries only the LEDs left). Buffers allocated once; encode() writes the sequence
 * number and the slots.
 */
export class E131Encoder implements PacketEncoder {
  readonly ledCount: number;
  readonly universe: number;
  readonly packets: readonly Uint8Array[];
  readonly format: PixelFormat;
  readonly ledsPerUniverse: number;

  constructor(options: E131EncoderOptions) {
    const { ledCount } = options;
    const universe = options.universe ?? 1;
    const priority = options.priority ?? 100;
    const name = Buffer.from(options.sourceName ?? 'ledtable', 'utf8');
    const cid = options.cid ?? stableCid();
    if (!Number.isInteger(ledCount) || ledCount < 1)
      throw new RangeError(`E1.31: LED count must be ≥ 1, got ${ledCount}`);
    const format = options.format ?? new PixelFormat(options.colorOrder ?? 'rgb');
    const perUniverse = ledsPerUniverse(format.bytesPerLed);
    const count = Math.ceil(ledCount / perUniverse);
    if (!Number.isInteger(universe) || universe < 1 || universe + count - 1 > 63999) {
      throw new RangeError(`E1.31: universes ${universe}..${universe + count - 1} must lie within 1..63999`);
    }
    if (!Number.isInteger(priority) || priority < 0 || priority > 200) {
      throw new RangeError(`E1.31: priority must be 0..200, got ${priority}`);
    }
    if (cid.length !== 16) throw new RangeError(`E1.31: CID must be 16 bytes, got ${cid.length}`);
    if (name.length > 63) throw new RangeError('E1.31: source name must be at most 63 bytes of UTF-8');
    this.ledCount = ledCount;
    this.universe = universe;
    this.format = format;
    this.ledsPerUniverse = perUniverse;
    const packets: Uint8Array[] = [];
    for (let u = 0; u < count; u++) {
      const leds = Math.min(perUniverse, ledCount - u * perUniverse);
      const slots = leds * format.bytesPerLed;
      const p = Buffer.alloc(E131_HEADER + slots);
      // Root layer
      p.writeUInt16BE(0x0010, 0); // preamble size
      p.writeUInt16BE(0x0000, 2); // post-amble size
      p.set(ACN_ID, 4);
      p.writeUInt16BE(0x7000 | (p.length - 16), 16);
      p.writeUInt32BE(VECTOR_ROOT_E131_DATA, 18);
      p.set(cid, 22);
      // Framing layer
      p.writeUInt16BE(0x7000 | (p.length - 38), 38);
      p.writeUInt32BE(VECTOR_E131_DATA_PACKET, 40);
      p.set(name, 44); // 64 bytes, zero-padded
      p[108] = priority;
      p.writeUInt16BE(0, 109); // synchronization address: none
      p[111] = 0; // sequence number, set per frame
      p[112] = 0; // options
      p.writeUInt16BE(universe + u, 113);
      // DMP layer
      p.writeUInt16BE(0x7000 | (p.length - 115), 115);
      p[117] = VECTOR_DMP_SET_PROPERTY;
      p[118] = 0xa1; // address type and data type
      p.writeUInt16BE(0x0000, 119); // first property address
      p.writeUInt16BE(0x0001, 121); // address increment
      p.writeUInt16BE(slots + 1, 123); // property value count: start code + slots
      p[125] = 0x00; // DMX start code
      packets.push(p);
    }
    this.packets = packets;
  }

  get frameBytes(): number {
    return packetBytes(this.packets);
  }

  /**
   * Each universe gets one packet per frame, so the frame counter is a valid per-universe
   * sequence. `ending` sets Stream_Terminated in the options (the last packets of a stream).
   */
  encode(frame: Readonly<Uint8Array>, sequence = 0, ending = false): void {
    checkFrameLength('E1.31', frame, this.ledCount);
    let led = 0;
    for (const packet of this.packets) {
      packet[111] = sequence & 0xff;
      packet[112] = ending ? E131_STREAM_TERMINATED : 0;
      const leds = (packet.length - E131_HEADER) / this.format.bytesPerLed;
      this.format.write(frame, led, packet, E131_HEADER, leds);
      led += leds;
    }
  }
}

export interface E131Options extends E131EncoderOptions {
  /** The receiver, or `multicast`: each universe to its group 239.255.x.y (see e131MulticastAddress). */
  host: string;
  /**
   * Multicast only: where a group's packets really go; default the group itself. (Tests send
   * them to 127.0.0.1 and check the groups.)
   */
  route?: (group: string) => string;
  /** Default 5568. */
  port?: number;
  lookup?: Lookup;
}

/**
 * Sends frames as sACN (E1.31) to one receiver (a WLED controller, a DMX node…), or with host
 * `multicast` to each universe's multicast group. On close: a black frame, then three packets
 * per universe with Stream_Terminated set, so receivers let go at once instead of after 2.5 s.
 */
export class E131Driver extends UdpOutput {
  readonly name = 'e131';
  /** Multicast only: the group of each universe, in order. */
  readonly groups: readonly string[];

  constructor(options: E131Options) {
    const cid = options.cid ?? stableCid();
    const probe = new E131Encoder({ ...options, cid });
    const groups =
      options.host === 'multicast'
        ? probe.packets.map((_, u) => e131MulticastAddress(probe.universe + u))
        : [];
    const route = options.route ?? ((group: string) => group);
    super(
      {
        host: options.host,
        port: options.port ?? E131_PORT,
        ...(options.lookup ? { lookup: options.lookup } : {}),
        ...(groups.length > 0 ? { packetAddresses: groups.map(route) } : {}),
        endingRepeats: E131_TERMINATION_PACKETS,
      },
      () => new E131Encoder({ ...options, cid }),
    );
    this.groups = groups;
  }

  protected ledBytes(encoder: E131Encoder): number {
    return encoder.ledCount * 3;
  }
}

export const e131Options = defineOptions('e131 output (sACN)', {
  e131Universe: {
    flag: '--e131-universe',
    type: 'int',
    default: 1,
    min: 1,
    max: 63999,
    arg: 'N',
    help:
      'e131 output and --live e131: first universe of the strip (170 LEDs per universe, so 300 LEDs use this one ' +
      'and the next).',
    scope: 'config',
  },
  e131Priority: {
    flag: '--e131-priority',
    type: 'int',
    default: 100,
    min: 0,
    max: 200,
    help: 'e131 output: sACN priority (receivers follow the highest-priority source).',
    scope: 'config',
  },
});

/** `--output e131:HOST[:PORT]`: unicast sACN to one receiver. */
export const e131Output = defineOutput({
  name: 'e131',
  target: { syntax: 'HOST[:PORT]|multicast', example: 'e131:192.168.1.50' },
  note: 'network, e.g. WLED',
  options: [e131Options, colorOrderOptions, whiteOptions],
  create: ({ target, layout, options }) => {
    const { host, port } =
      target === 'multicast' ? { host: target, port: E131_PORT } : parseHostPort('e131', target, E131_PORT);
    return new E131Driver({
      host,
      port,
      ledCount: layout.ledCount,
      universe: options.e131Universe,
      priority: options.e131Priority,
      format: wireFormat(options),
    });
  },
});
