import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { defineOptions } from '../src/config/options.ts';
import { defineOutput } from '../src/output/output-kind.ts';
import { type ColorOrder, channelOffsets, colorOrderOptions, copyOrdered } from './color-order.ts';
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
/** Bytes before the DMX slots: root layer (38) + framing layer (77) + DMP layer up to the start code (11). */
export const E131_HEADER = 126;
const ACN_ID = [0x41, 0x53, 0x43, 0x2d, 0x45, 0x31, 0x2e, 0x31, 0x37, 0x00, 0x00, 0x00]; // "ASC-E1.17\0\0\0"
const VECTOR_ROOT_E131_DATA = 0x00000004;
const VECTOR_E131_DATA_PACKET = 0x00000002;
const VECTOR_DMP_SET_PROPERTY = 0x02;

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
  colorOrder?: ColorOrder;
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
  private readonly offsets: readonly [number, number, number];

  constructor(options: E131EncoderOptions) {
    const { ledCount } = options;
    const universe = options.universe ?? 1;
    const priority = options.priority ?? 100;
    const name = Buffer.from(options.sourceName ?? 'ledtable', 'utf8');
    const cid = options.cid ?? stableCid();
    if (!Number.isInteger(ledCount) || ledCount < 1)
      throw new RangeError(`E1.31: LED count must be ≥ 1, got ${ledCount}`);
    const count = Math.ceil(ledCount / E131_LEDS_PER_UNIVERSE);
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
    this.offsets = channelOffsets(options.colorOrder ?? 'rgb');
    const packets: Uint8Array[] = [];
    for (let u = 0; u < count; u++) {
      const leds = Math.min(E131_LEDS_PER_UNIVERSE, ledCount - u * E131_LEDS_PER_UNIVERSE);
      const slots = leds * 3;
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

  /** Each universe gets one packet per frame, so the frame counter is a valid per-universe sequence. */
  encode(frame: Readonly<Uint8Array>, sequence = 0): void {
    checkFrameLength('E1.31', frame, this.ledCount);
    let led = 0;
    for (const packet of this.packets) {
      packet[111] = sequence & 0xff;
      const leds = (packet.length - E131_HEADER) / 3;
      copyOrdered(frame, led, packet, E131_HEADER, leds, this.offsets);
      led += leds;
    }
  }
}

export interface E131Options extends E131EncoderOptions {
  host: string;
  /** Default 5568. */
  port?: number;
  lookup?: Lookup;
}

/** Sends frames as unicast sACN (E1.31) to one receiver (a WLED controller, a DMX node…). */
export class E131Driver extends UdpOutput {
  readonly name = 'e131';

  constructor(options: E131Options) {
    const cid = options.cid ?? stableCid();
    super(
      {
        host: options.host,
        port: options.port ?? E131_PORT,
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      () => new E131Encoder({ ...options, cid }),
    );
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
    help: 'e131 output: first universe (170 LEDs per universe, so 300 LEDs use this one and the next).',
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
  target: { syntax: 'HOST[:PORT]', example: 'e131:192.168.1.50' },
  note: 'network, e.g. WLED',
  options: [e131Options, colorOrderOptions],
  create: ({ target, layout, options }) => {
    const { host, port } = parseHostPort('e131', target, E131_PORT);
    return new E131Driver({
      host,
      port,
      ledCount: layout.ledCount,
      universe: options.e131Universe,
      priority: options.e131Priority,
      colorOrder: options.colorOrder,
    });
  },
});
