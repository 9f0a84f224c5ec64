import { createSocket, type Socket } from 'node:dgram';
import type { LiveFeed } from '../src/engine/live-feed.ts';
import { e131MulticastAddress } from './e131.ts';
import { ArtNetDecoder } from './receivers/artnet-in.ts';
import { DdpDecoder } from './receivers/ddp-in.ts';
import type { FrameDecoder } from './receivers/decoder.ts';
import { E131Decoder } from './receivers/e131-in.ts';
import { Tpm2NetDecoder } from './receivers/tpm2net-in.ts';

export const LIVE_PROTOCOLS = ['ddp', 'e131', 'artnet', 'tpm2net'] as const;
export type LiveProtocol = (typeof LIVE_PROTOCOLS)[number];

/** One protocol to listen for, on its usual port unless `port` is given (0 = any free port). */
export interface LiveListen {
  readonly protocol: LiveProtocol;
  readonly port?: number;
}

/** Parses `--live` items: `ddp`, `e131:5568`, `artnet`, `tpm2net`… (a protocol, optionally :PORT). */
export function parseLiveListen(items: readonly string[]): LiveListen[] {
  return items.map((item) => {
    const [name, portText] = item.split(':') as [string, string | undefined];
    if (!(LIVE_PROTOCOLS as readonly string[]).includes(name)) {
      throw new Error(
        `--live ${item}: unknown protocol "${name}"; use ${LIVE_PROTOCOLS.join(', ')} (optionally :PORT)`,
      );
    }
    if (portText === undefined) return { protocol: name as LiveProtocol };
    const port = /^\d+$/.test(portText) ? Number(portText) : -1;
    if (!(port >= 0 && port <= 65535))
      throw new Error(`--live ${item}: port must be 0..65535, got "${portText}"`);
    return { protocol: name as LiveProtocol, port };
  });
}

export interface LiveReceiverOptions {
  /** LEDs of the table's strip: frames are 3 × ledCount bytes. */
  ledCount: number;
  listen: readonly LiveListen[];
  /** Address to bind; default 0.0.0.0 (every interface; E1.31 then also joins its multicast groups). */
  host?: string;
  /** Seconds of silence after which the live app gives up (LiveFeed.timeoutSeconds); default 5. */
  timeoutSeconds?: number;
  /** First E1.31 universe of the strip (default 1) and first Art-Net Port-Address (default 0). */
  e131Universe?: number;
  artnetAddress?: number;
  /** Called after each complete frame (tests await it; the table polls `frames`). */
  onFrame?: () => void;
  /** Where problems go (a multicast group that cannot be joined). */
  log?: (message: string) => void;
}

function decoderFor(protocol: LiveProtocol, options: LiveReceiverOptions): FrameDecoder {
  switch (protocol) {
    case 'ddp':
      return new DdpDecoder();
    case 'e131':
      return new E131Decoder(options.ledCount, options.e131Universe ?? 1);
    case 'artnet':
      return new ArtNetDecoder(options.ledCount, options.artnetAddress ?? 0);
    case 'tpm2net':
      return new Tpm2NetDecoder();
  }
}

/**
 * ledtable as a network receiver: one UDP socket per protocol, each assembling frames into its
 * own buffer; a complete frame is copied into `frame` (so a tick never sees half of one) and
 * counted. Implements the LiveFeed the live app reads. Buffers are allocated once.
 */
export class LiveReceiver implements LiveFeed {
  frames = 0;
  frame: Uint8Array | undefined;
  sender = '';
  /** Datagrams accepted and datagrams ignored (not ours, malformed, other universes). */
  accepted = 0;
  ignored = 0;
  readonly timeoutSeconds: number;
  /** The port each protocol is bound to, after start(). */
  readonly ports: Partial<Record<LiveProtocol, number>> = {};
  private readonly shown: Uint8Array;
  private readonly sockets: Socket[] = [];

  constructor(private readonly options: LiveReceiverOptions) {
    if (!Number.isInteger(options.ledCount) || options.ledCount < 1) {
      throw new RangeError(`live: LED count must be ≥ 1, got ${options.ledCount}`);
    }
    this.timeoutSeconds = options.timeoutSeconds ?? 5;
    this.shown = new Uint8Array(options.ledCount * 3);
  }

  get listening(): string {
    const names: Record<LiveProtocol, string> = {
      ddp: 'DDP',
      e131: 'E1.31',
      artnet: 'Art-Net',
      tpm2net: 'TPM2.NET',
    };
    return this.options.listen
      .map((l) => `${names[l.protocol]} ${this.ports[l.protocol] ?? l.port ?? ''}`)
      .join(', ');
  }

  /** Binds every socket; a port in use fails with the protocol, the port and the fix. */
  async start(): Promise<void> {
    const host = this.options.host ?? '0.0.0.0';
    for (const { protocol, port } of this.options.listen) {
      const decoder = decoderFor(protocol, this.options);
      const building = new Uint8Array(this.options.ledCount * 3);
      const socket = createSocket({ type: 'udp4', reuseAddr: true });
      socket.on('message', (packet, from) => this.receive(decoder, building, packet, from.address));
      const wanted = port ?? decoder.defaultPort;
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('error', reject);
          socket.bind(wanted, host, () => {
            socket.off('error', reject);
            resolve();
          });
        });
      } catch (error) {
        socket.close();
        await this.close();
        throw new Error(
          `live: cannot listen for ${decoder.protocol} on ${host}:${wanted} (${(error as Error).message}): ` +
            `another program (WLED sync, a second ledtable) has the port; stop it or give --live ${protocol}:PORT`,
        );
      }
      socket.on('error', (error) => this.options.log?.(`live ${decoder.protocol}: ${error.message}`));
      socket.unref();
      this.sockets.push(socket);
      this.ports[protocol] = socket.address().port;
      if (protocol === 'e131' && host === '0.0.0.0') this.joinGroups(socket);
    }
  }

  async close(): Promise<void> {
    const sockets = this.sockets.splice(0);
    await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  private joinGroups(socket: Socket): void {
    const first = this.options.e131Universe ?? 1;
    const count = Math.ceil(this.options.ledCount / 170);
    for (let u = first; u < first + count; u++) {
      try {
        socket.addMembership(e131MulticastAddress(u));
      } catch (error) {
        this.options.log?.(
          `live E1.31: cannot join ${e131MulticastAddress(u)} (${(error as Error).message}); unicast still works`,
        );
      }
    }
  }

  private receive(decoder: FrameDecoder, building: Uint8Array, packet: Buffer, address: string): void {
    const result = decoder.decode(packet, building);
    if (!result) {
      this.ignored++;
      return;
    }
    this.accepted++;
    if (!result.complete) return;
    this.shown.set(building);
    this.frame = this.shown;
    this.frames++;
    this.sender = result.source
      ? `${decoder.protocol} ${result.source} (${address})`
      : `${decoder.protocol} ${address}`;
    this.options.onFrame?.();
  }
}
