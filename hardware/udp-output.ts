import { createSocket, type Socket } from 'node:dgram';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LedDriver } from '../src/output/driver.ts';

/** Resolves a host name to an address; injectable for tests. */
export type Lookup = (host: string) => Promise<{ address: string; family: number }>;

/**
 * Parses `HOST`, `HOST:PORT`, `[IPv6]` or `[IPv6]:PORT`. Throws a one-line error naming the
 * output kind and an example when the text is not one of those.
 */
export function parseHostPort(
  kind: string,
  target: string,
  defaultPort: number,
): { host: string; port: number } {
  const example = `${kind}:192.168.1.50 or ${kind}:wled.local:${defaultPort}`;
  const text = target.trim();
  let host = text;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0)
      throw new Error(`--output ${kind}:${target}: missing "]" after the IPv6 address, e.g. ${kind}:[::1]`);
    host = text.slice(1, end);
    const rest = text.slice(end + 1);
    if (rest !== '') {
      if (!rest.startsWith(':'))
        throw new Error(`--output ${kind}:${target}: expected :PORT after "]", e.g. ${example}`);
      portText = rest.slice(1);
    }
  } else if (text.split(':').length === 2) {
    [host, portText] = text.split(':') as [string, string];
  } else if (text.includes(':')) {
    throw new Error(
      `--output ${kind}:${target}: put an IPv6 address in brackets, e.g. ${kind}:[::1]:${defaultPort}`,
    );
  }
  if (host === '' || /\s|\/|,/.test(host)) {
    throw new Error(`--output ${kind}:${target}: "${host}" is not a host name or address; e.g. ${example}`);
  }
  let port = defaultPort;
  if (portText !== undefined) {
    port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
    if (!(port >= 1 && port <= 65535)) {
      throw new Error(
        `--output ${kind}:${target}: port must be 1..65535, got "${portText}"; e.g. ${example}`,
      );
    }
  }
  return { host, port };
}

/** A set of packets that make one frame; buffers allocated once and reused. */
export interface PacketEncoder {
  /** Packet views, each exactly as long as its packet on the wire. */
  readonly packets: readonly Uint8Array[];
  /**
   * Writes `frame` (RGB, strip order) into `packets`; `sequence` counts frames (1..255 wrapping).
   * `ending` marks the packets sent after the last frame on close (E1.31's stream termination).
   */
  encode(frame: Readonly<Uint8Array>, sequence: number, ending?: boolean): void;
}

/** Bytes on the wire per frame: the UDP payloads, headers included. */
export function packetBytes(packets: readonly Uint8Array[]): number {
  return packets.reduce((n, p) => n + p.length, 0);
}

/** Throws unless `frame` holds exactly `ledCount` RGB triplets. */
export function checkFrameLength(protocol: string, frame: Readonly<Uint8Array>, ledCount: number): void {
  if (frame.length !== ledCount * 3) {
    throw new RangeError(
      `${protocol}: expected ${ledCount * 3} bytes (${ledCount} LEDs), got ${frame.length}`,
    );
  }
}

export interface UdpOutputOptions {
  host: string;
  port: number;
  lookup?: Lookup;
  /**
   * Per packet of a frame, the address to send it to (E1.31 multicast: one group per universe);
   * the socket is then not connected and `host` is only a label. Default: every packet to `host`.
   */
  packetAddresses?: readonly string[];
  /** How often the `ending` packets are sent on close, after the black frame (default 0). */
  endingRepeats?: number;
}

/**
 * A LedDriver that sends each frame as UDP packets to one host. Two encoders alternate: the
 * one being sent is never overwritten; when both are still in flight (the network is slower
 * than the loop) the frame is dropped (counted in `dropped`). A send error (e.g. ECONNREFUSED
 * when nothing listens) is thrown from the next show() once, so the stage logs it; sending
 * goes on, so a receiver that comes back just works. close() sends an all-black frame.
 */
export abstract class UdpOutput implements LedDriver {
  abstract readonly name: string;
  /** Receivers leave realtime mode after a timeout (WLED: 2.5 s): an unchanged frame is re-sent each second. */
  readonly keepAliveMs = 1000;
  readonly host: string;
  readonly port: number;
  /** Resolved address, after open(). */
  address = '';
  /** Frames dropped because the previous two were still being sent. */
  dropped = 0;
  /** Frames sent (the blank frame on close included). */
  sent = 0;
  private socket: Socket | undefined;
  private readonly lookup: Lookup;
  private readonly packetAddresses: readonly string[] | undefined;
  private readonly endingRepeats: number;
  private readonly encoders: [PacketEncoder, PacketEncoder];
  private readonly inFlight = [0, 0];
  private readonly done: [(error: Error | null) => void, (error: Error | null) => void];
  private next = 0;
  private sequence = 0;
  private error: Error | undefined;
  private state: 'new' | 'open' | 'closed' = 'new';
  private idle: (() => void) | undefined;

  protected constructor(options: UdpOutputOptions, makeEncoder: () => PacketEncoder) {
    this.host = options.host;
    this.port = options.port;
    this.lookup = options.lookup ?? ((host) => dnsLookup(host));
    this.packetAddresses = options.packetAddresses;
    this.endingRepeats = options.endingRepeats ?? 0;
    this.encoders = [makeEncoder(), makeEncoder()];
    const finish = (set: 0 | 1) => (error: Error | null) => {
      this.inFlight[set]!--;
      if (error && !this.error) this.error = error;
      if (this.inFlight[0] === 0 && this.inFlight[1] === 0) this.idle?.();
    };
    this.done = [finish(0), finish(1)];
  }

  async open(): Promise<void> {
    if (this.state === 'open') return;
    if (this.packetAddresses) {
      const socket = createSocket('udp4');
      socket.on('error', (error) => {
        if (!this.error) this.error = error;
      });
      socket.unref();
      this.socket = socket;
      this.address = this.host;
      this.state = 'open';
      return;
    }
    let resolved: { address: string; family: number };
    try {
      resolved = await this.lookup(this.host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new Error(
        `${this.name}: cannot resolve host "${this.host}" (${code}): check the name, or give the controller's ` +
          `IP address, e.g. --output ${this.name}:192.168.1.50`,
      );
    }
    const socket = createSocket(resolved.family === 6 ? 'udp6' : 'udp4');
    socket.on('error', (error) => {
      if (!this.error) this.error = error;
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.connect(this.port, resolved.address, () => {
          socket.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      socket.close();
      throw new Error(
        `${this.name}: cannot send to ${resolved.address}:${this.port} (${(error as Error).message}): ` +
          'check the address and that this machine has a route to it',
      );
    }
    socket.unref();
    this.socket = socket;
    this.address = resolved.address;
    this.state = 'open';
  }

  show(frame: Readonly<Uint8Array>): void {
    if (this.state !== 'open') {
      throw new Error(`${this.name}.show() called while the output is ${this.state}: call open() first`);
    }
    const error = this.error;
    if (error) {
      this.error = undefined;
      this.send(frame);
      throw new Error(
        `${this.name} to ${this.address}:${this.port}: ${error.message} (is the controller on and listening?); still sending`,
      );
    }
    this.send(frame);
  }

  /** Waits for packets in flight (up to 500 ms), sends an all-black frame, closes the socket. Safe twice. */
  async close(): Promise<void> {
    if (this.state !== 'open') {
      this.state = 'closed';
      return;
    }
    this.state = 'closed';
    const socket = this.socket!;
    const settled = () =>
      new Promise<void>((resolve) => {
        if (this.inFlight[0] === 0 && this.inFlight[1] === 0) return resolve();
        const timer = setTimeout(resolve, 500);
        this.idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    await settled();
    const encoder = this.encoders[this.next]!;
    const black = new Uint8Array(this.ledBytes(encoder));
    this.send(black);
    await settled();
    for (let i = 0; i < this.endingRepeats; i++) {
      this.send(black, true);
      await settled();
    }
    this.idle = undefined;
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    this.socket = undefined;
  }

  /** RGB bytes per frame the encoders take (3 × ledCount). */
  protected abstract ledBytes(encoder: PacketEncoder): number;

  private send(frame: Readonly<Uint8Array>, ending = false): void {
    const set = this.next;
    if (this.inFlight[set]! > 0) {
      this.dropped++;
      return;
    }
    const encoder = this.encoders[set]!;
    this.sequence = (this.sequence % 255) + 1;
    encoder.encode(frame, this.sequence, ending);
    const socket = this.socket!;
    const done = this.done[set]!;
    const to = this.packetAddresses;
    for (let i = 0; i < encoder.packets.length; i++) {
      this.inFlight[set]!++;
      if (to) socket.send(encoder.packets[i]!, this.port, to[i]!, done);
      else socket.send(encoder.packets[i]!, done);
    }
    this.sent++;
    this.next = set === 0 ? 1 : 0;
  }
}
