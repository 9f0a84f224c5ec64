import { readFile, stat } from 'node:fs/promises';
import type { Metadata } from 'sharp';
import { nearestResample } from './resample.ts';

/** Pictures above this many pixels (per frame) are refused before decoding: 100 megapixels. */
export const PIXEL_LIMIT = 100_000_000;
/** An SVG is rasterised at its working size; this many pixels is the most it may render to. */
export const SVG_PIXEL_LIMIT = 4_000_000;
/** SVG files larger than this are refused (it is text: a 2 MB drawing is already extreme). */
export const SVG_MAX_BYTES = 2 * 1024 * 1024;
/** Animations keep at most this many frames. */
export const MAX_FRAMES = 600;
/** The working image covers the table at least this many times per axis (area-averaged later). */
const WORK_FACTOR = 8;
/** Exact multiples up to 16× the table (320 × 240 on 20 × 15) whose blocks are uniform are pixel art. */
const PIXEL_ART_MAX_FACTOR = 16;
/** GIF and WebP frames with no delay (or ≤ 10 ms) play at 100 ms, as browsers do. */
const DEFAULT_DELAY_MS = 100;

let loadingSharp: Promise<typeof import('sharp').default> | undefined;

/**
 * sharp, imported when the first picture is decoded, so discovering the viewer (the menu, `list`,
 * every other game) never loads libvips. A failed import is retried next time.
 */
function loadSharp(): Promise<typeof import('sharp').default> {
  loadingSharp ??= import('sharp').then(
    ({ default: sharp }) => {
      // The viewer keeps its own cache of small decoded pictures; libvips' operation cache would
      // only hold on to memory (and open files) for results it never asks for again.
      sharp.cache(false);
      return sharp;
    },
    (error: unknown) => {
      loadingSharp = undefined;
      throw new PictureError(
        'NO SHARP',
        `the viewer needs the sharp package, which did not load (${(error as Error).message}); run \`npm install\``,
      );
    },
  );
  return loadingSharp;
}

/**
 * A picture decoded and shrunk to a small working size: upright (EXIF orientation applied),
 * composited on black, in sRGB. Owned by the cache; never changed after decoding.
 */
export interface Picture {
  /** Working size in pixels (the table size for pixel art). */
  readonly width: number;
  readonly height: number;
  /** One RGB buffer (width · height · 3 bytes) per frame; a still picture has one. */
  readonly frames: readonly Uint8Array[];
  /** Display time of each frame in ms. */
  readonly delays: readonly number[];
  /** Times an animation plays; 0 = forever. */
  readonly loop: number;
  /** Exact multiple of the table: already at table size, shown with hard edges in every fit mode. */
  readonly pixelArt: boolean;
  /** Top-left of the attention crop in working pixels (for fit 'attention'), when it crops. */
  readonly focus: { readonly left: number; readonly top: number } | undefined;
  /** Bytes held by `frames`. */
  readonly bytes: number;
  /** The original's size (upright) and format, for the log. */
  readonly original: { readonly width: number; readonly height: number; readonly format: string };
}

/** A file the viewer cannot show: `short` goes on the table, `message` (what to do) in the log. */
export class PictureError extends Error {
  readonly short: string;
  constructor(short: string, message: string) {
    super(message);
    this.name = 'PictureError';
    this.short = short;
  }
}

const FORMATS = 'JPEG, PNG, WebP, AVIF, TIFF, GIF or SVG';

/**
 * Decodes `file` for a table of tableWidth × tableHeight: reads the header first (refusing
 * decompression bombs before any pixel is decoded), then decodes sequentially with
 * shrink-on-load and a linear-light (scRGB) resize to the working size. Every failure
 * is a PictureError with a message for the table and one for the log.
 */
export async function decodePicture(file: string, tableWidth: number, tableHeight: number): Promise<Picture> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new PictureError('NOT A FILE', `${file} is not a file; give a picture or a folder`);
    size = info.size;
  } catch (error) {
    if (error instanceof PictureError) throw error;
    throw fileError(file, error);
  }
  if (size === 0) throw new PictureError('EMPTY FILE', `${file} is empty (0 bytes); copy the picture again`);

  const sharp = await loadSharp();
  // An SVG is decoded from its bytes, never from its path: librsvg then has no base folder and
  // cannot read files beside it (images, stylesheets), and the text is checked first.
  const svg = await svgSource(file, size);
  const input = svg ?? file;

  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw decodeError(file, error);
  }
  const format = meta.format ?? 'unknown';
  if (svg === undefined && format === 'svg')
    throw new PictureError('NOT A PICTURE', `${file} is an SVG without the .svg extension; rename it`);
  const animated = (meta.pages ?? 1) > 1 && (format === 'gif' || format === 'webp');
  const width = animated ? (meta.width ?? 0) : (meta.autoOrient?.width ?? meta.width ?? 0);
  const height = animated
    ? (meta.pageHeight ?? meta.height ?? 0)
    : (meta.autoOrient?.height ?? meta.height ?? 0);
  if (width < 1 || height < 1)
    throw new PictureError('NO PIXELS', `${file} has no pixels (${width}×${height})`);
  if (svg === undefined && width * height > PIXEL_LIMIT) {
    throw new PictureError(
      'TOO BIG',
      `${file} is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} megapixels), more than the ` +
        `${PIXEL_LIMIT / 1e6} megapixel limit; shrink it first (e.g. with an image editor)`,
    );
  }
  const pageCount = animated
    ? Math.max(1, Math.min(meta.pages ?? 1, MAX_FRAMES, Math.floor(PIXEL_LIMIT / (width * height))))
    : 1;

  // Small exact multiples of the table are decoded at full size: when every k × k block is one
  // colour (pixel art drawn at the table's size, then scaled up) it keeps its hard edges.
  const k = width / tableWidth;
  const candidate = Number.isInteger(k) && k <= PIXEL_ART_MAX_FACTOR && height === k * tableHeight;
  const scale = candidate ? 1 : Math.min(1, WORK_FACTOR * Math.max(tableWidth / width, tableHeight / height));
  const workWidth = Math.max(1, Math.round(width * scale));
  const workHeight = Math.max(1, Math.round(height * scale));
  // A vector drawing is rasterised straight at the working size (density scales its 72 dpi
  // size), so its cost follows the table, not the size it claims; the pixel limit then applies
  // to the pixels actually rendered.
  const vector = svg === undefined ? {} : { density: Math.max(1, Math.min(72, 72 * scale)) };

  const linearResize = meta.icc === undefined || isSrgbProfile(meta.icc);
  let data: Buffer;
  try {
    let pipeline = sharp(input, {
      failOn: 'truncated',
      limitInputPixels: svg === undefined ? PIXEL_LIMIT * pageCount : SVG_PIXEL_LIMIT,
      sequentialRead: true,
      ignoreIcc: linearResize,
      ...vector,
      ...(animated ? { pages: pageCount } : { autoOrient: true }),
    }).flatten({ background: '#000000' });
    // Resizing happens in scRGB (linear light, the exact sRGB curve): a one-pixel black/white
    // checkerboard of any size averages to half the light, sRGB 188 (sharp's gamma(2.2) gave 185).
    // libvips turns pictures with an ICC profile black on that path, so an sRGB profile is
    // ignored (it says what we assume anyway) and other profiles keep the approximate gamma path.
    if (scale < 1) {
      pipeline = linearResize
        ? pipeline.pipelineColourspace('scrgb').resize(workWidth, workHeight, { fit: 'fill' })
        : pipeline.gamma(2.2).resize(workWidth, workHeight, { fit: 'fill' });
    }
    const result = await pipeline
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (result.info.channels !== 3 || result.info.width !== workWidth) {
      throw new Error(
        `unexpected decode result ${result.info.width}×${result.info.height}×${result.info.channels}`,
      );
    }
    data = result.data;
  } catch (error) {
    throw decodeError(file, error);
  }

  const frameBytes = workWidth * workHeight * 3;
  const pages: Uint8Array[] = [];
  for (let i = 0; i < pageCount && (i + 1) * frameBytes <= data.length; i++) {
    pages.push(data.subarray(i * frameBytes, (i + 1) * frameBytes));
  }
  if (pages.length === 0) throw new PictureError('DAMAGED FILE', `${file}: no frame could be decoded`);
  const pixelArt = candidate && pages.every((page) => blocksUniform(page, workWidth, workHeight, k));
  const frames = pages.map((page) => {
    if (!pixelArt) return Uint8Array.prototype.slice.call(page) as Uint8Array;
    const small = new Uint8Array(tableWidth * tableHeight * 3);
    nearestResample(page, workWidth, tableWidth, tableHeight, small);
    return small;
  });
  const delays = frames.map((_, i) => {
    const delay = meta.delay?.[i] ?? DEFAULT_DELAY_MS;
    return delay > 10 ? delay : DEFAULT_DELAY_MS;
  });

  const outWidth = pixelArt ? tableWidth : workWidth;
  const outHeight = pixelArt ? tableHeight : workHeight;
  const first = frames[0] as Uint8Array;
  const focus = pixelArt
    ? undefined
    : await attentionCrop(first, outWidth, outHeight, tableWidth, tableHeight);
  return {
    width: outWidth,
    height: outHeight,
    frames,
    delays,
    loop: animated ? (meta.loop ?? 0) : 0,
    pixelArt,
    focus,
    bytes: frames.length * first.length,
    original: { width, height, format },
  };
}

/**
 * True when an ICC profile describes sRGB (its description names it: ASCII in version 2
 * profiles, UTF-16 in version 4), so decoding without it gives the same colours.
 */
export function isSrgbProfile(icc: Buffer): boolean {
  return (
    icc.includes('sRGB', 0, 'latin1') ||
    icc.includes('sRGB', 0, 'utf16le') ||
    icc.includes(Buffer.from('\0s\0R\0G\0B', 'latin1'))
  );
}

/**
 * SVG features refused before rendering, each with the reason. Filters (a large blur costs
 * minutes and gigabytes), references to anything outside the file (images, stylesheets, fonts,
 * other SVGs: an SVG may not read files beside it or anywhere else), scripts, and DTDs (entity
 * expansion).
 */
const REFUSED_SVG: readonly [RegExp, string][] = [
  [/<\s*(?:\w+:)?filter\b/i, 'filters (blur, shadows…) are refused: they can cost minutes to render'],
  [/<!DOCTYPE|<!ENTITY/i, 'a DTD or entities are refused'],
  [/<\s*(?:\w+:)?(?:image|feImage|foreignObject|script)\b/i, 'embedded images, HTML and scripts are refused'],
  [/(?:href|src)\s*=\s*["'](?!#)/i, 'references to other files are refused (only #id links inside the file)'],
  [/url\(\s*["']?(?!#)/i, 'url() to anything but #id inside the file is refused'],
  [/@import/i, 'stylesheet imports are refused'],
];

/**
 * For a file named *.svg or *.svgz: its bytes, checked against REFUSED_SVG (svgz is refused: the
 * check needs the text). Other files: undefined (sharp reads them by path).
 */
async function svgSource(file: string, size: number): Promise<Buffer | undefined> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.svgz'))
    throw new PictureError('SVG REFUSED', `${file}: compressed SVG (.svgz) is refused; unpack it to .svg`);
  if (!lower.endsWith('.svg')) return undefined;
  if (size > SVG_MAX_BYTES)
    throw new PictureError('TOO BIG', `${file} is ${size} bytes; SVG drawings may have ${SVG_MAX_BYTES}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw fileError(file, error);
  }
  const text = bytes.toString('utf8');
  for (const [pattern, why] of REFUSED_SVG)
    if (pattern.test(text))
      throw new PictureError('SVG REFUSED', `${file}: ${why}; export it as PNG instead`);
  return bytes;
}

/** Where sharp's attention strategy would crop a table-shaped window out of the working image. */
async function attentionCrop(
  rgb: Uint8Array,
  width: number,
  height: number,
  tableWidth: number,
  tableHeight: number,
): Promise<{ left: number; top: number } | undefined> {
  const cropWidth = Math.min(width, Math.round((height * tableWidth) / tableHeight));
  const cropHeight = Math.min(height, Math.round((width * tableHeight) / tableWidth));
  if (cropWidth >= width && cropHeight >= height) return undefined;
  try {
    const sharp = await loadSharp();
    const { info } = await sharp(rgb, { raw: { width, height, channels: 3 } })
      .resize(Math.max(1, cropWidth), Math.max(1, cropHeight), { fit: 'cover', position: 'attention' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { left: Math.abs(info.cropOffsetLeft ?? 0), top: Math.abs(info.cropOffsetTop ?? 0) };
  } catch {
    return undefined; // the centre crop is a fine fallback
  }
}

/** True when every k × k block of the image is a single colour. */
function blocksUniform(rgb: Uint8Array, width: number, height: number, k: number): boolean {
  for (let y = 0; y < height; y++) {
    const blockTop = y - (y % k);
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      const q = (blockTop * width + x - (x % k)) * 3;
      if (rgb[p] !== rgb[q] || rgb[p + 1] !== rgb[q + 1] || rgb[p + 2] !== rgb[q + 2]) return false;
    }
  }
  return true;
}

function fileError(file: string, error: unknown): PictureError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new PictureError('FILE GONE', `${file} no longer exists`);
  if (code === 'EACCES' || code === 'EPERM')
    return new PictureError('NO ACCESS', `${file} cannot be read (permission denied); check its permissions`);
  return new PictureError('CANNOT READ', `${file} cannot be read: ${(error as Error).message}`);
}

/** Turns sharp's messages into ones a person can act on. */
function decodeError(file: string, error: unknown): PictureError {
  if (error instanceof PictureError) return error;
  const text = (error as Error).message ?? String(error);
  if ((error as NodeJS.ErrnoException).code) return fileError(file, error);
  if (/unsupported image format/i.test(text))
    return new PictureError('NOT A PICTURE', `${file} is not a picture the viewer can read (${FORMATS})`);
  if (/pixel limit/i.test(text))
    return new PictureError(
      'TOO BIG',
      `${file} is larger than the ${PIXEL_LIMIT / 1e6} megapixel limit; shrink it first`,
    );
  return new PictureError(
    'DAMAGED FILE',
    `${file} is damaged or cut short (${text.trim().split('\n')[0]}); copy or export it again`,
  );
}
