import { closeSync, openSync, writeSync } from 'node:fs';
import type { LedDriver } from '../src/output/driver.ts';
import { defineOutput } from '../src/output/output-kind.ts';
import { type ColorOrder, colorOrderOptions, rgbOrder } from './color-order.ts';
import { Tpm2Encoder } from './tpm2.ts';

export interface Tpm2FileOptions {
  /** File to write (created or truncated), by convention ending in .tpm2. */
  path: string;
  ledCount: number;
  /** Default 'rgb' (what Jinx! and Glediator players expect). */
  colorOrder?: ColorOrder;
}

/**
 * Records every frame (after the colour pipeline, in strip order) to a .tpm2 file: one TPM2
 * data frame per loop tick, no timing (players choose the rate; record at the rate you will
 * play). close() appends one all-black frame, as every output does.
 */
export class Tpm2FileDriver implements LedDriver {
  readonly name = 'tpm2file';
  /** A recording keeps time by frame count: every tick's frame is written, changed or not. */
  readonly keepAliveMs = 0;
  readonly path: string;
  /** Frames written (the black one on close included). */
  frames = 0;
  private readonly encoder: Tpm2Encoder;
  private fd: number | undefined;

  constructor(options: Tpm2FileOptions) {
    this.path = options.path;
    this.encoder = new Tpm2Encoder(options.ledCount, options.colorOrder ?? 'rgb');
  }

  async open(): Promise<void> {
    if (this.fd !== undefined) return;
    try {
      this.fd = openSync(this.path, 'w');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const fix =
        code === 'ENOENT'
          ? 'create the folder first or choose another path'
          : code === 'EACCES'
            ? 'choose a path you may write to'
            : 'check the path';
      throw new Error(`tpm2file: cannot write ${this.path} (${code ?? (error as Error).message}): ${fix}`);
    }
  }

  show(frame: Readonly<Uint8Array>): void {
    if (this.fd === undefined)
      throw new Error('record.show() called while the output is not open: call open() first');
    writeSync(this.fd, this.encoder.encode(frame));
    this.frames++;
  }

  async close(): Promise<void> {
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    try {
      writeSync(fd, this.encoder.encode(new Uint8Array(this.encoder.ledCount * 3)));
      this.frames++;
    } finally {
      closeSync(fd);
    }
  }
}

/** `--output tpm2file:FILE.tpm2`: records the run for TPM2 players (and the tpm2 app). */
export const tpm2FileOutput = defineOutput({
  name: 'tpm2file',
  target: { syntax: 'FILE.tpm2', example: 'tpm2file:run.tpm2' },
  note: 'a recording',
  options: [colorOrderOptions],
  create: ({ target, layout, options }) =>
    new Tpm2FileDriver({
      path: target,
      ledCount: layout.ledCount,
      colorOrder: rgbOrder('tpm2file', options.colorOrder),
    }),
});
