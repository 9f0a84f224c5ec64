import { ARTDMX_HEADER, ARTNET_OP_DMX, ARTNET_OP_SYNC, ARTNET_PORT } from '../artnet.ts';
import { E131_LEDS_PER_UNIVERSE } from '../e131.ts';
import { COMPLETE, copyClipped, type Decoded, type FrameDecoder, PARTIAL } from './decoder.ts';

const ID = 'Art-Net\0';

/**
 * Art-Net in (Jinx!, Glediator, xLights, LedFx): ArtDmx for Port-Addresses first.., 170 LEDs
 * (510 channels) each. Without ArtSync the frame completes with the last universe the strip
 * needs; once a sender has sent an ArtSync, only ArtSync completes frames (tear-free).
 */
export class ArtNetDecoder implements FrameDecoder {
  readonly protocol = 'Art-Net';
  readonly defaultPort = ARTNET_PORT;
  private readonly last: number;
  private synced = false;

  constructor(
    ledCount: number,
    readonly firstAddress = 0,
  ) {
    this.last = firstAddress + Math.ceil(ledCount / E131_LEDS_PER_UNIVERSE) - 1;
  }

  decode(p: Uint8Array, frame: Uint8Array): Decoded | undefined {
    if (p.length < 12) return undefined;
    for (let i = 0; i < 8; i++) if (p[i] !== ID.charCodeAt(i)) return undefined;
    const op = p[8]! | (p[9]! << 8);
    if (op === ARTNET_OP_SYNC) {
      this.synced = true;
      return COMPLETE;
    }
    if (op !== ARTNET_OP_DMX || p.length < ARTDMX_HEADER) return undefined;
    const address = ((p[15]! & 0x7f) << 8) | p[14]!;
    if (address < this.firstAddress || address > this.last) return undefined;
    const length = Math.min((p[16]! << 8) | p[17]!, p.length - ARTDMX_HEADER, E131_LEDS_PER_UNIVERSE * 3);
    copyClipped(p, ARTDMX_HEADER, length, frame, (address - this.firstAddress) * E131_LEDS_PER_UNIVERSE * 3);
    return !this.synced && address === this.last ? COMPLETE : PARTIAL;
  }
}
