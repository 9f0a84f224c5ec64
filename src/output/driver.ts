/**
 * Where LED frames go: the memory driver, ws281x, TPM2, DDP and E1.31 are peers behind this one
 * interface. The output stage calls open() once, show() for each frame that changed (and for
 * keep-alives, see keepAliveMs), and close() on every exit path.
 */
export interface LedDriver {
  /** Short id for logs and --output, e.g. 'terminal', 'memory', 'ws281x'. */
  readonly name: string;
  /**
   * Acquires the device. A missing essential capability (no device, no permission, no native
   * module) throws here, with the fix in the message. A missing optional one is a no-op.
   */
  open(): Promise<void>;
  /**
   * Shows one frame: RGB bytes in strip order, 3 × ledCount bytes (LED 0 first). The caller
   * owns `frame` and reuses it after show returns (or after the returned promise settles):
   * a driver that keeps the bytes must copy them.
   */
  show(frame: Readonly<Uint8Array>): void | Promise<void>;
  /** Blanks the LEDs (all black) and releases the device. Safe to call twice, and before open. */
  close(): Promise<void>;
  /** Optional status line (the terminal shows it under the table); others ignore it. */
  setStatus?(text: string): void;
  /**
   * When an unchanged frame is sent again: undefined = never (the device holds its state:
   * WS2812, TPM2 serial); a number of ms = after that long without a change (network receivers
   * fall back to their own effects after a realtime timeout, WLED's is 2.5 s); 0 = every frame
   * (recordings, which keep time by frame count).
   */
  readonly keepAliveMs?: number;
}

/**
 * A preview shows the table as people see it, on a screen or in a file: row-major RGB from the
 * top-left (3 × width × height bytes) after brightness and the current limit, encoded for a
 * display so it looks like the LEDs do. No layout, gamma or colour order reaches it. The stage
 * calls show() every frame (previews diff for themselves) and close() on every exit path.
 */
export interface PreviewOutput {
  readonly name: string;
  readonly preview: true;
  open(): Promise<void>;
  /** The caller owns `frame` and reuses it after show returns: copy to keep it. */
  show(frame: Readonly<Uint8Array>): void;
  close(): Promise<void>;
  /** Optional status line under the picture. */
  setStatus?(text: string): void;
}

/** Anything --output can name. */
export type Output = LedDriver | PreviewOutput;

export function isPreview(output: Output): output is PreviewOutput {
  return 'preview' in output && output.preview === true;
}
