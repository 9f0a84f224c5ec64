import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { isPictureName } from './picture-name.ts';
import type { PictureInfo } from './protocol.ts';

/** Largest upload accepted, bytes (checked from Content-Length before reading, and while reading). */
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024;
/** Largest picture accepted, pixels (a decompression bomb is refused before it is decoded). */
export const MAX_PICTURE_PIXELS = 50_000_000;
/** Pictures kept at most; uploads beyond that are refused until some are deleted. */
export const MAX_PICTURES = 500;
const THUMB_SIZE = 160;

/** The file name endings by detected format; only these formats are accepted. */
const EXTENSION: Readonly<Record<string, string>> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' };

/** An upload or request the store refuses: an HTTP status and a message for the page. */
export class PictureRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 415 | 507,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Uploaded pictures, in `<data dir>/pictures/` (the viewer shows that folder); thumbnails in its
 * hidden `.thumbs/` folder (the viewer skips hidden entries). The client's file name is never
 * used: each picture gets a generated name (time in base 36, a random part, the extension of
 * the format sharp found in its bytes). A file is written only after sharp decoded its header
 * and a thumbnail from it, within the byte and pixel limits.
 */
export class PictureStore {
  readonly thumbs: string;

  constructor(readonly dir: string) {
    this.thumbs = join(dir, '.thumbs');
  }

  async list(): Promise<PictureInfo[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => isPictureName(n)).sort();
    } catch {
      return [];
    }
    const out: PictureInfo[] = [];
    for (const name of names) {
      try {
        const info = await stat(join(this.thumbs, `${name}.webp`)).then(() => stat(join(this.dir, name)));
        const meta = await sharp(join(this.dir, name), { limitInputPixels: MAX_PICTURE_PIXELS }).metadata();
        out.push({ name, bytes: info.size, width: meta.width ?? 0, height: meta.height ?? 0 });
      } catch {
        // deleted meanwhile or without a thumbnail: not listed
      }
    }
    return out;
  }

  /** Validates and stores `bytes`; returns the new picture. */
  async add(bytes: Buffer): Promise<PictureInfo> {
    if (bytes.length > MAX_PICTURE_BYTES) throw tooBig();
    if (bytes.length === 0) throw new PictureRefused(400, 'the upload is empty');
    let format: string | undefined;
    let width = 0;
    let height = 0;
    let thumb: Buffer;
    try {
      const meta = await sharp(bytes, { limitInputPixels: MAX_PICTURE_PIXELS }).metadata();
      format = meta.format;
      width = meta.width ?? 0;
      height = meta.height ?? 0;
      if (!format || !(format in EXTENSION)) throw new PictureRefused(415, unsupported(format));
      if (width * height > MAX_PICTURE_PIXELS) throw new PictureRefused(413, pixels(width, height));
      thumb = await sharp(bytes, { limitInputPixels: MAX_PICTURE_PIXELS, animated: false })
        .rotate()
        .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'cover' })
        .webp({ quality: 70 })
        .toBuffer();
    } catch (error) {
      if (error instanceof PictureRefused) throw error;
      const message = (error as Error).message;
      if (/pixel limit/i.test(message)) throw new PictureRefused(413, pixels(width, height));
      throw new PictureRefused(415, unsupported(format));
    }
    if ((await this.count()) >= MAX_PICTURES) {
      throw new PictureRefused(507, `the table keeps at most ${MAX_PICTURES} pictures; delete some first`);
    }
    const name = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.${EXTENSION[format]}`;
    await mkdir(this.thumbs, { recursive: true, mode: 0o700 });
    await writeFile(join(this.thumbs, `${name}.webp`), thumb);
    await writeFile(join(this.dir, name), bytes, { flag: 'wx' });
    return { name, bytes: bytes.length, width, height };
  }

  /** The picture or its thumbnail; refuses any name the store did not generate. */
  async read(name: string, thumbnail: boolean): Promise<Buffer> {
    if (!isPictureName(name)) throw new PictureRefused(400, 'not a picture name');
    try {
      return await readFile(thumbnail ? join(this.thumbs, `${name}.webp`) : join(this.dir, name));
    } catch {
      throw new PictureRefused(404, `no picture ${name}`);
    }
  }

  /** The file of a stored picture (for the viewer); refuses any name the store did not generate. */
  async path(name: string): Promise<string> {
    if (!isPictureName(name)) throw new PictureRefused(400, 'not a picture name');
    const path = join(this.dir, name);
    try {
      await stat(path);
    } catch {
      throw new PictureRefused(404, `no picture ${name}`);
    }
    return path;
  }

  async remove(name: string): Promise<void> {
    if (!isPictureName(name)) throw new PictureRefused(400, 'not a picture name');
    try {
      await stat(join(this.dir, name));
    } catch {
      throw new PictureRefused(404, `no picture ${name}`);
    }
    await rm(join(this.dir, name), { force: true });
    await rm(join(this.thumbs, `${name}.webp`), { force: true });
  }

  private async count(): Promise<number> {
    try {
      return (await readdir(this.dir)).filter((n) => isPictureName(n)).length;
    } catch {
      return 0;
    }
  }
}

export function tooBig(): PictureRefused {
  return new PictureRefused(413, `pictures may be at most ${MAX_PICTURE_BYTES / 1024 / 1024} MB`);
}

function unsupported(format: string | undefined): string {
  return `${format ? `a ${format} file` : 'not a picture'}: upload a JPEG, PNG, GIF or WebP`;
}

function pixels(width: number, height: number): string {
  return `${width}×${height} is more than ${MAX_PICTURE_PIXELS / 1e6} million pixels`;
}
