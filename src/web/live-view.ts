import { FRAME_HEADER_BYTES, writeFrameHeader } from './protocol.ts';

/** The part of a WebSocket the live view uses (ws's WebSocket has it). */
export interface FrameClient {
  /** Bytes queued but not yet written to the socket. */
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
}

/** A client more than this many frames behind is skipped until it catches up. */
const MAX_QUEUED_FRAMES = 3;

/**
 * The live view: a frame tap that sends each changed frame to every watching client as one
 * binary message (see protocol.ts). Inside the tick it costs one compare of the frame, and one
 * copy when it changed; the sends (non-blocking writes, one per client) run right after the
 * tick (`defer`, default setImmediate), and only the newest frame is sent if several came
 * first. A slow client (its socket still holding 3 frames) misses frames instead of queueing
 * them; it gets the newest one as soon as it has drained, even if the table has not changed.
 */
export class LiveView {
  private scheduled = false;

  constructor(
    /** Runs the sends after the tick; tests pass `(send) => send()`. */
    private readonly defer: (send: () => void) => void = (send) => setImmediate(send),
  ) {}

  private readonly clients = new Set<FrameClient>();
  /** Clients that skipped the newest frame. */
  private readonly behind = new Set<FrameClient>();
  private last = new Uint8Array(0);
  private message: Uint8Array | undefined;
  private sequence = 0;
  /** Frames sent to at least one client, and bytes sent in all (bench figures). */
  framesSent = 0;
  bytesSent = 0;
  framesSkipped = 0;

  get viewers(): number {
    return this.clients.size;
  }

  /** Adds a client and sends it the current frame at once. */
  add(client: FrameClient): void {
    this.clients.add(client);
    if (this.message) this.sendTo(client, this.message);
  }

  remove(client: FrameClient): void {
    this.clients.delete(client);
    this.behind.delete(client);
  }

  /**
   * A frame as people see it (the output stage's tap): `rgb` is width × height × 3 bytes in row
   * order, borrowed until the call returns.
   */
  frame(rgb: Readonly<Uint8Array>, width: number, height: number): void {
    if (this.clients.size === 0 && this.message) {
      this.message = undefined; // nobody watches: do nothing, send a fresh frame to the next one
      return;
    }
    const same = this.message !== undefined && this.last.length === rgb.length && equal(this.last, rgb);
    if (same) {
      if (this.behind.size > 0) this.schedule(false);
      return;
    }
    if (this.last.length !== rgb.length) this.last = new Uint8Array(rgb.length);
    this.last.set(rgb);
    // A new message per changed frame: a socket may still hold the previous one.
    const message = new Uint8Array(FRAME_HEADER_BYTES + rgb.length);
    writeFrameHeader(message, width, height, this.sequence++);
    message.set(rgb, FRAME_HEADER_BYTES);
    this.message = message;
    this.schedule(true);
  }

  private fresh = false;

  /** Sends after the tick: the newest message to everyone (fresh) or to the clients behind. */
  private schedule(fresh: boolean): void {
    this.fresh ||= fresh;
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      const message = this.message;
      if (!message) return;
      if (this.fresh) {
        this.fresh = false;
        this.behind.clear();
        let sent = false;
        for (const client of this.clients) sent = this.sendTo(client, message) || sent;
        if (sent) this.framesSent++;
      } else {
        for (const client of [...this.behind]) this.sendTo(client, message);
      }
    });
  }

  private sendTo(client: FrameClient, message: Uint8Array): boolean {
    if (client.bufferedAmount > MAX_QUEUED_FRAMES * message.length) {
      this.behind.add(client);
      this.framesSkipped++;
      return false;
    }
    this.behind.delete(client);
    try {
      client.send(message);
      this.bytesSent += message.length;
      return true;
    } catch {
      this.remove(client); // a closed socket; its close event removes it too
      return false;
    }
  }
}

function equal(a: Uint8Array, b: Readonly<Uint8Array>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
