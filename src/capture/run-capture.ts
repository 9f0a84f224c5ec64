import { extname } from 'node:path';
import type { FrameImageOptions } from './frame-image.ts';
import { GifRecorder } from './gif-recorder.ts';
import { type FrameLike, writePng } from './png.ts';

/** Capture of a headless run: `onFrame` sees every frame, `finish` writes the file. */
export interface RunCapture {
  onFrame(frame: FrameLike): void;
  /** Writes the file; resolves with a line for the user ("wrote run.gif: 150 frames, 320×240"). */
  finish(): Promise<string>;
}

/** The file kinds --out understands, by extension; undefined for anything else. */
export function captureKind(file: string): 'png' | 'gif' | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.png' ? 'png' : ext === '.gif' ? 'gif' : undefined;
}

/**
 * `--out FILE.png` keeps the last frame; `--out FILE.gif` records every frame at `rate` ticks
 * per second. Throws for other extensions (the caller turns it into a usage message).
 */
export function startCapture(
  file: string,
  size: { readonly width: number; readonly height: number; readonly rate: number },
  options: FrameImageOptions,
): RunCapture {
  const kind = captureKind(file);
  if (kind === 'gif') {
    const recorder = new GifRecorder(size.width, size.height, { ...options, rate: size.rate });
    return {
      onFrame: (frame) => recorder.add(frame.pixels),
      async finish() {
        const written = await recorder.write(file);
        return `wrote ${file}: ${written.frames} frames over ${recorder.ticks} ticks, ${written.width}×${written.height}`;
      },
    };
  }
  if (kind === 'png') {
    const last = new Uint8Array(size.width * size.height * 3);
    let seen = false;
    return {
      onFrame(frame) {
        last.set(frame.pixels.subarray(0, last.length));
        seen = true;
      },
      async finish() {
        if (!seen) throw new Error('no frame was drawn, so there is nothing to write');
        await writePng(file, { width: size.width, height: size.height, pixels: last }, options);
        const scale = options.scale ?? 16;
        return `wrote ${file}: ${size.width * scale}×${size.height * scale}`;
      },
    };
  }
  throw new Error(`--out ${file}: the file must end in .png (last frame) or .gif (the whole run)`);
}
