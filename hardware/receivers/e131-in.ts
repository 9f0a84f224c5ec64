import { E131_HEADER, E131_LEDS_PER_UNIVERSE, E131_PORT, E131_STREAM_TERMINATED } from '../e131.ts';
import { COMPLETE, copyClipped, type Decoded, type FrameDecoder, PARTIAL } from './decoder.ts';

const ACN_ID = 'ASC-E1.17';
const PREVIEW = 0x80;

/** Big-endian reads from a packet (no DataView per packet). */
const u16 = (p: Uint8Array, at: number) => (p[at]! << 8) | p[at + 1]!;
const u32 = (p: Uint8Array, at: number) => ((u16(p, at) << 16) | u16(p, at + 2)) >>> 0;

/**
 * E1.31 (sACN) in, unicast or multicast: data packets of universes first..first+n−1, 170 LEDs
 * (510 slots) each, as senders set up for pixel strips lay them out. The frame completes with
 * the packet of the last universe the strip needs. Preview and stream-terminated packets are
 * ignored; the source name is reported as the sender.
 */
export class E131Decoder implements FrameDecoder {
  readonly protocol = 'E1.31';
  readonly defaultPort = E131_PORT;
  private readonly last: number;
  private rawName = new Uint8Array(0);
  private name = '';

  constructor(
    ledCount: number,
    readonly firstUniverse = 1,
  ) {
    this.last = firstUniverse + Math.ceil(ledCount / E131_LEDS_PER_UNIVERSE) - 1;
  }

  decode(p: Uint8Array, frame: Uint8Array): Decoded | undefined {
    if (p.length < E131_HEADER) return undefined;
    for (let i = 0; i < ACN_ID.length; i++) if (p[4 + i] !== ACN_ID.charCodeAt(i)) return undefined;
    if (u32(p, 18) !== 4 || u32(p, 40) !== 2 || p[117] !== 2 || p[125] !== 0) return undefined;
    if (p[112]! & (PREVIEW | E131_STREAM_TERMINATED)) return undefined;
    const universe = u16(p, 113);
    if (universe < this.firstUniverse || universe > this.last) return undefined;
    const slots = Math.min(u16(p, 123) - 1, p.length - E131_HEADER, E131_LEDS_PER_UNIVERSE * 3);
    copyClipped(p, E131_HEADER, slots, frame, (universe - this.firstUniverse) * E131_LEDS_PER_UNIVERSE * 3);
    const done = universe === this.last;
    const source = this.sourceName(p);
    return source ? { complete: done, source } : done ? COMPLETE : PARTIAL;
  }

  /** The packet's source name, decoded only when its bytes differ from the last one's. */
  private sourceName(p: Uint8Array): string {
    let end = 44;
    while (end < 108 && p[end] !== 0) end++;
    const raw = this.rawName;
    let same = raw.length === end - 44;
    for (let i = 0; same && i < raw.length; i++) same = raw[i] === p[44 + i];
    if (!same) {
      this.rawName = Uint8Array.from(p.subarray(44, end));
      this.name = Buffer.from(this.rawName).toString('utf8');
    }
    return this.name;
  }
}
