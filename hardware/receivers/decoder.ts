/** What one datagram did to the frame being assembled. */
export interface Decoded {
  /** The frame is complete: show it. */
  readonly complete: boolean;
  /** A name the sender gave itself in the packet (E1.31's source name), if any. */
  readonly source?: string;
}

/**
 * Turns one protocol's datagrams into frames: decode() writes the LEDs a packet carries into
 * `frame` (RGB, 3 bytes per LED of the table's strip; bytes beyond it are dropped) and says
 * whether the frame is complete. Returns undefined for a datagram it does not accept (another
 * protocol, a malformed or a control packet). Never throws on network input; allocates nothing.
 */
export interface FrameDecoder {
  /** Name shown as the sender's protocol, e.g. "DDP". */
  readonly protocol: string;
  /** The protocol's usual UDP port. */
  readonly defaultPort: number;
  decode(packet: Uint8Array, frame: Uint8Array): Decoded | undefined;
}

export const COMPLETE: Decoded = Object.freeze({ complete: true });
export const PARTIAL: Decoded = Object.freeze({ complete: false });

/** Copies `length` bytes of `data` from `from` into `frame` at byte `at`, clipped to the frame. */
export function copyClipped(
  data: Uint8Array,
  from: number,
  length: number,
  frame: Uint8Array,
  at: number,
): void {
  const n = Math.min(length, frame.length - at, data.length - from);
  if (n > 0 && at >= 0) frame.set(data.subarray(from, from + n), at);
}
