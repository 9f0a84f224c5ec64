import { DDP_HEADER, DDP_PORT, DDP_PUSH, DDP_TYPE_RGB8, DDP_TYPE_RGBW8 } from '../ddp.ts';
import { COMPLETE, copyClipped, type Decoded, type FrameDecoder, PARTIAL } from './decoder.ts';

const FLAG_TIMECODE = 0x10;
const FLAG_REPLY = 0x04;
const FLAG_QUERY = 0x02;

/**
 * DDP in (xLights, LedFx, Hyperion, WLED sync): version-1 packets of RGB (type 0x0B, or 0x00
 * "undefined" which senders use for RGB) or RGBW (0x1B, W added onto R, G and B) at a byte
 * offset; the push flag completes the frame. Query, reply and status/config ids are ignored.
 */
export class DdpDecoder implements FrameDecoder {
  readonly protocol = 'DDP';
  readonly defaultPort = DDP_PORT;

  decode(p: Uint8Array, frame: Uint8Array): Decoded | undefined {
    if (p.length < DDP_HEADER) return undefined;
    const flags = p[0]!;
    if (flags >> 6 !== 1 || flags & (FLAG_QUERY | FLAG_REPLY)) return undefined;
    if (p[3]! >= 246) return undefined; // control, config, status ids
    const header = flags & FLAG_TIMECODE ? DDP_HEADER + 4 : DDP_HEADER;
    const type = p[2]!;
    const offset = ((p[4]! << 24) | (p[5]! << 16) | (p[6]! << 8) | p[7]!) >>> 0;
    const length = Math.min((p[8]! << 8) | p[9]!, p.length - header);
    if (type === DDP_TYPE_RGB8 || type === 0) {
      copyClipped(p, header, length, frame, offset);
    } else if (type === DDP_TYPE_RGBW8) {
      // offset counts RGBW bytes: LED offset/4 onwards
      let d = (Math.floor(offset / 4) * 3) >>> 0;
      for (let s = header; s + 3 < header + length && d + 2 < frame.length; s += 4, d += 3) {
        const w = p[s + 3]!;
        frame[d] = Math.min(255, p[s]! + w);
        frame[d + 1] = Math.min(255, p[s + 1]! + w);
        frame[d + 2] = Math.min(255, p[s + 2]! + w);
      }
    } else {
      return undefined;
    }
    return flags & DDP_PUSH ? COMPLETE : PARTIAL;
  }
}
