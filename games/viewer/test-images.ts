/**
 * Pictures the viewer's tests generate (never shipped): a temp folder and small makers. Each
 * maker paints with a function (x, y) → 0xRRGGBB, or 0xAARRGGBB-style alpha for RGBA.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export function tempDir(): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-viewer-'));
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function rgbRaw(width: number, height: number, paint: (x: number, y: number) => number): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = paint(x, y);
      raw.writeUIntBE(c & 0xffffff, (y * width + x) * 3, 3);
    }
  }
  return raw;
}

export function image(width: number, height: number, paint: (x: number, y: number) => number) {
  return sharp(rgbRaw(width, height, paint), { raw: { width, height, channels: 3 } });
}

/** RGBA: paint returns [0xRRGGBB, alpha 0..255]. */
export function imageRgba(width: number, height: number, paint: (x: number, y: number) => [number, number]) {
  const raw = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [c, a] = paint(x, y);
      const i = (y * width + x) * 4;
      raw.writeUIntBE(c, i, 3);
      raw[i + 3] = a;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 4 } });
}

/** An animated GIF with one flat colour per frame. */
export async function animatedGif(
  file: string,
  colors: readonly number[],
  delays: readonly number[],
  loop: number,
  width = 40,
  height = 30,
): Promise<void> {
  const pages = Buffer.concat(colors.map((c) => rgbRaw(width, height, () => c)));
  await sharp(pages, { raw: { width, height: height * colors.length, channels: 3, pageHeight: height } })
    .gif({ delay: [...delays], loop, keepDuplicateFrames: true })
    .toFile(file);
}

/** Noise compresses badly, so cutting the file in half really cuts the pixel data. */
export async function truncatedPng(file: string): Promise<void> {
  let seed = 7;
  const png = await image(300, 200, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed >> 7;
  })
    .png()
    .toBuffer();
  writeFileSync(file, png.subarray(0, png.length >> 1));
}

/** A PNG that only claims to be 50,000 × 50,000 pixels: a decompression bomb's header. */
export function bombPng(file: string): void {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(50_000, 0);
  header.writeUInt32BE(50_000, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.alloc(1024))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
