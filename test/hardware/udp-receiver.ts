import { createSocket, type Socket } from 'node:dgram';

/** A UDP receiver on 127.0.0.1 (a free port) that keeps every datagram, for output tests. */
export class UdpReceiver {
  readonly packets: Buffer[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (message) => {
      this.packets.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (this.packets.length < w.count) return true;
        w.resolve();
        return false;
      });
    });
  }

  static async start(): Promise<UdpReceiver> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new UdpReceiver(socket, socket.address().port);
  }

  /** Resolves once `count` datagrams have arrived in total; rejects after 2 s (a lost packet). */
  until(count: number): Promise<void> {
    if (this.packets.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} datagrams, got ${this.packets.length}`)),
        2000,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
