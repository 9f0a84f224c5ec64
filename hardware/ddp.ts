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

/** DDP (Distributed Display Protocol, 3waylabs; spoken by WLED and xLights): UDP port 4048. */
export const DDP_PORT = 4048;
export const DDP_HEADER = 10;
/** Largest payload per packet: 480 RGB or 360 RGBW LEDs. */
export const DDP_MAX_DATA = 1440;
/** Flags byte: version 1 (0x40); the push flag (0x01) marks a frame's last packet. */
export const DDP_VERSION_1 = 0x40;
export const DDP_PUSH = 0x01;
/** Data type: RGB (TTT = 001), 8 bits per channel (SSS = 011). */
export const DDP_TYPE_RGB8 = 0x0b;
/** Data type: RGBW (TTT = 011), 8 bits per channel: 4 bytes per LED. */
export const DDP_TYPE_RGBW8 = 0x1b;
/** Destination id 1: the default output device. */
export const DDP_ID_DISPLAY = 1;

/**
 * One frame as DDP packets: each carries up to 1440 bytes at a byte offset; the last has the
 * push flag so the receiver shows the frame. Header: flags, sequence (1..15), data type,
 * destination id, offset (u32 BE, bytes), length (u16 BE, bytes). Buffers allocated once.
 */
export class DdpEncoder implements PacketEncoder {
  readonly ledCount: number;
  readonly packets: readonly Uint8Array[];
  readonly format: PixelFormat;

  /** `order` of 4 letters (e.g. rgbw) sends the RGBW data type, 4 bytes per LED. */
  constructor(ledCount: number, order: WireOrder | PixelFormat = 'rgb') {
    if (!Number.isInteger(ledCount) || ledCount < 1)
      throw new RangeError(`DDP: LED count must be ≥ 1, got ${ledCount}`);
    this.ledCount = ledCount;
    this.format = typeof order === 'string' ? new PixelFormat(order) : order;
    const total = ledCount * this.format.bytesPerLed;
    const packets: Uint8Array[] = [];
    for (let offset = 0; offset < total; offset += DDP_MAX_DATA) {
      const length = Math.min(DDP_MAX_DATA, total - offset);
      const packet = Buffer.alloc(DDP_HEADER + length);
      packet[1] = 0;
      packet[2] = this.format.rgbw ? DDP_TYPE_RGBW8 : DDP_TYPE_RGB8;
      packet[3] = DDP_ID_DISPLAY;
      packet.writeUInt32BE(offset, 4);
      packet.writeUInt16BE(length, 8);
      packet[0] = DDP_VERSION_1 | (offset + length === total ? DDP_PUSH : 0);
      packets.push(packet);
    }
    this.packets = packets;
  }

  /** Bytes on the wire per frame (UDP payloads: headers + data). */
  get frameBytes(): number {
    return packetBytes(this.packets);
  }

  encode(frame: Readonly<Uint8Array>, sequence = 0): void {
    checkFrameLength('DDP', frame, this.ledCount);
    const seq = sequence === 0 ? 0 : ((sequence - 1) % 15) + 1;
    let led = 0;
    for (const packet of this.packets) {
      packet[1] = seq;
      const leds = (packet.length - DDP_HEADER) / this.format.bytesPerLed;
      this.format.write(frame, led, packet, DDP_HEADER, leds);
      led += leds;
    }
  }
}

export interface DdpOptions {
  host: string;
  /** Default 4048. */
  port?: number;
  ledCount: number;
  /** Byte order the controller expects; default 'rgb' (WLED reorders itself); 4 letters send RGBW. */
  colorOrder?: WireOrder;
  /** The wire format (order and white extraction); overrides colorOrder. */
  format?: PixelFormat;
  lookup?: Lookup;
}

/** Sends frames to a DDP receiver (a WLED controller, xLights…) over UDP. */
export class DdpDriver extends UdpOutput {
  readonly name = 'ddp';

  constructor(options: DdpOptions) {
    super(
      {
        host: options.host,
        port: options.port ?? DDP_PORT,
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      () => new DdpEncoder(options.ledCount, options.format ?? options.colorOrder ?? 'rgb'),
    );
  }

  protected ledBytes(encoder: DdpEncoder): number {
    return encoder.ledCount * 3;
  }
}

/** `--output ddp:HOST[:PORT]`: DDP over UDP (WLED, xLights). */
export const ddpOutput = defineOutput({
  name: 'ddp',
  target: { syntax: 'HOST[:PORT]', example: 'ddp:192.168.1.50' },
  options: [colorOrderOptions, whiteOptions],
  create: ({ target, layout, options }) => {
    const { host, port } = parseHostPort('ddp', target, DDP_PORT);
    return new DdpDriver({ host, port, ledCount: layout.ledCount, format: wireFormat(options) });
  },
});
