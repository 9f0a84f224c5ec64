import { TPM2_END } from '../tpm2.ts';
import { COMPLETE, copyClipped, type Decoded, type FrameDecoder, PARTIAL } from './decoder.ts';

/** TPM2.NET: UDP port 65506. */
export const TPM2NET_PORT = 65506;
export const TPM2NET_START = 0x9c;
const DATA_FRAME = 0xda;
const HEADER = 6;

/**
 * TPM2.NET in (Jinx!, Glediator, Hyperion): 9C DA size-hi size-lo packet-number total-packets,
 * RGB data, 36. A frame may span packets 1..total, laid end to end; the last completes it.
 */
export class Tpm2NetDecoder implements FrameDecoder {
  readonly protocol = 'TPM2.NET';
  readonly defaultPort = TPM2NET_PORT;
  private next = 0;

  decode(p: Uint8Array, frame: Uint8Array): Decoded | undefined {
    if (p.length < HEADER + 1 || p[0] !== TPM2NET_START || p[1] !== DATA_FRAME) return undefined;
    const size = (p[2]! << 8) | p[3]!;
    const number = p[4]!;
    const total = p[5]!;
    if (p.length < HEADER + size + 1 || p[HEADER + size] !== TPM2_END) return undefined;
    if (number <= 1) this.next = 0; // numbering starts at 1; some senders send 0 for a single packet
    copyClipped(p, HEADER, size, frame, this.next);
    this.next += size;
    return number >= total ? COMPLETE : PARTIAL;
  }
}
