/**
 * Frames arriving from another program over the network (DDP, E1.31, Art-Net, TPM2.NET), as a
 * game or app sees them (ctx.live). The table's CLI starts the receivers (hardware/) when
 * `--live` names protocols; otherwise ctx.live is undefined. Reading never blocks and never
 * allocates: the feed fills one buffer as packets arrive between ticks.
 */
export interface LiveFeed {
  /** What is listened on, for a waiting screen, e.g. "DDP 4048, E1.31 5568". */
  readonly listening: string;
  /** Complete frames received so far (a new frame = this number changed). */
  readonly frames: number;
  /**
   * The newest complete frame: RGB, 3 bytes per LED of the table's strip, in the sender's LED
   * order (strip order when the sender is set up like a controller for this strip). Owned by
   * the feed and overwritten by the next frame; undefined before the first.
   */
  readonly frame: Readonly<Uint8Array> | undefined;
  /** Who sent the newest frame, e.g. "DDP 192.168.1.20" or "E1.31 xLights (192.168.1.20)". */
  readonly sender: string;
  /** Seconds without a new frame after which the live app returns to the menu. */
  readonly timeoutSeconds: number;
}
