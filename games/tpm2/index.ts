import { constants } from 'node:fs';
import { open as openFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineGame, type Graphics, sprite } from '../../src/index.ts';
import { type Fit, type Placement, placeRecording, SOURCE_ORDERS, type SourceOrder } from './fit.ts';
import { parseTpm2, type Tpm2Recording } from './format.ts';

const SAMPLES = fileURLToPath(new URL('../../assets/tpm2/', import.meta.url));
const RATES = [5, 10, 15, 20, 25, 30, 40, 50, 60] as const;

/** The .tpm2 files named by `path`: the file itself, or a folder's *.tpm2 in name order. */
async function listRecordings(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.tpm2') && !n.startsWith('.'));
  return names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((n) => join(path, n));
}

/** A recording larger than this is refused: 256 MB is about 5 hours of 300 LEDs at 25 fps. */
export const MAX_RECORDING_BYTES = 256 * 1024 * 1024;

/**
 * Reads a recording: regular files only (a device such as /dev/zero or a FIFO would never end),
 * at most MAX_RECORDING_BYTES. Rejects with a message saying why.
 */
export async function readRecording(file: string): Promise<Buffer> {
  const handle = await openFile(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a regular file (a device, pipe or folder); give a .tpm2 file');
    if (info.size > MAX_RECORDING_BYTES)
      throw new Error(`${info.size} bytes, more than the ${MAX_RECORDING_BYTES} a recording may have`);
    const bytes = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Plays .tpm2 recordings (Jinx!, Glediator, or `--output tpm2file:FILE.tpm2`) from params.path
 * (a file or a folder; default assets/tpm2) at the FPS setting (or params.fps), looping. Left
 * and right change the file, up and down the rate, A pauses. Files are read through ctx.task,
 * so frames are the same on every run.
 */
export default defineGame({
  id: 'tpm2',
  title: 'TPM2 player',
  description: 'Plays .tpm2 recordings (Jinx!, Glediator, ledtable tpm2file:) in a loop.',
  kind: 'app',
  controls: { left: 'previous', right: 'next', up: 'faster', down: 'slower', a: 'pause', back: 'menu' },
  hint: ['right', 'up'],
  settings: {
    fps: { label: 'FPS', values: RATES, default: 25 },
    fit: { label: 'FIT', values: ['SCALE', 'CROP'], default: 'SCALE' },
  },
  params: {
    path: {
      type: 'string',
      arg: 'FILE|DIR',
      help: 'A .tpm2 file or a folder of them (played in name order); default: the samples in assets/tpm2.',
    },
    order: {
      type: 'enum',
      values: SOURCE_ORDERS,
      help: "How a recording that is not the table's size is laid out: strip, rows (default) or snake rows.",
    },
    width: {
      type: 'int',
      min: 1,
      max: 4096,
      help: 'Width of a recording read as a grid; default: the table width when it fits, else near-square.',
    },
  },
  icon: sprite(['.rrr.ggg.bbb.', '..r..g.g...b.', '..r..ggg.bbb.', '..r..g...b...', '..r..g...bbb.'], {
    r: 0xff3030,
    g: 0x30ff30,
    b: 0x3080ff,
  }),
  create(ctx) {
    const p = ctx.params;
    const path = typeof p.path === 'string' && p.path !== '' ? p.path : SAMPLES;
    const fit: Fit = String(p.fit ?? ctx.settings.fit).toLowerCase() === 'crop' ? 'crop' : 'scale';
    const order = (SOURCE_ORDERS as readonly unknown[]).includes(p.order)
      ? (p.order as SourceOrder)
      : undefined;
    const sourceWidth = typeof p.width === 'number' ? p.width : undefined;
    const wanted = typeof p.fps === 'number' && p.fps > 0 ? Math.min(ctx.rate, p.fps) : ctx.settings.fps;
    let fps = Math.min(ctx.rate, wanted);

    let files: string[] = [];
    let fileIndex = 0;
    let recording: Tpm2Recording | undefined;
    let placement: Placement | undefined;
    let problem = '';
    let note = '';
    let noteTicks = 0;
    let frame = 0;
    let accumulator = 0;
    let paused = false;
    let shown = 0;
    let loading = 0; // generation of the file being loaded, so a late result for an old file is ignored

    const fail = (short: string, message: string) => {
      problem = short;
      shown = 0;
      ctx.log(message);
    };

    const open = (index: number) => {
      fileIndex = index;
      recording = undefined;
      placement = undefined;
      const file = files[index]!;
      const generation = ++loading;
      ctx.task(
        readRecording(file).then(
          (bytes) => {
            if (generation !== loading) return;
            const parsed = parseTpm2(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
            if (parsed.frames.length === 0) {
              fail(`NO FRAMES IN ${basename(file)}`, `${file}: no TPM2 data frames (C9 DA … 36) found`);
              return;
            }
            problem = '';
            recording = parsed;
            placement = placeRecording({
              pixels: parsed.pixels,
              width: ctx.width,
              height: ctx.height,
              ledCount: ctx.wiring.ledCount,
              pixelOf: (led) => ctx.wiring.pixelOf(led),
              order,
              sourceWidth,
              fit,
            });
            frame = 0;
            accumulator = 0;
            note = placement.short || basename(file, '.tpm2').toUpperCase();
            noteTicks = ctx.ticks(2);
            shown = 0;
            ctx.log(
              `${file}: ${parsed.frames.length} frames of ${parsed.pixels} LEDs at ${fps} fps` +
                (placement.message ? `; ${placement.message}` : ''),
            );
          },
          (error: unknown) => {
            if (generation === loading)
              fail(`CANNOT READ ${basename(file)}`, `${file}: ${(error as Error).message}`);
          },
        ),
      );
    };

    ctx.task(
      listRecordings(path).then(
        (list) => {
          files = list;
          if (list.length === 0)
            fail('NO TPM2 FILES', `${path}: no .tpm2 files; give tpm2.path=FILE or a folder`);
          else open(0);
        },
        (error: unknown) =>
          fail('NO TPM2 FILES', `${path}: ${(error as Error).message}; give tpm2.path=FILE or a folder`),
      ),
    );

    const drawFrame = (g: Graphics) => {
      const data = recording!.frames[frame]!;
      const sourceOf = placement!.sourceOf;
      const w = ctx.width;
      for (let i = 0; i < sourceOf.length; i++) {
        const led = sourceOf[i]!;
        const at = led * 3;
        const color =
          led < 0 || at + 2 >= data.length ? 0 : (data[at]! << 16) | (data[at + 1]! << 8) | data[at + 2]!;
        g.set(i % w, Math.floor(i / w), color);
      }
    };

    return {
      update(input) {
        shown++;
        if (noteTicks > 0) noteTicks--;
        const step = input.any.pressed('right') ? 1 : input.any.pressed('left') ? -1 : 0;
        if (step !== 0 && files.length > 1) open((fileIndex + step + files.length) % files.length);
        if (input.any.pressed('a')) paused = !paused;
        const faster = input.any.repeat('up', 20, 6);
        const slower = input.any.repeat('down', 20, 6);
        if (faster || slower) {
          const at = RATES.findIndex((r) => r >= fps);
          const next =
            RATES[
              Math.max(0, Math.min(RATES.length - 1, (at < 0 ? RATES.length - 1 : at) + (faster ? 1 : -1)))
            ]!;
          fps = Math.min(ctx.rate, next);
          note = `${fps} FPS`;
          noteTicks = ctx.ticks(1);
          shown = 0;
        }
        if (!recording || paused) return;
        accumulator += fps;
        while (accumulator >= ctx.rate) {
          accumulator -= ctx.rate;
          frame = (frame + 1) % recording.frames.length;
        }
      },
      draw(g) {
        g.clear();
        if (problem) {
          g.banner(problem, Math.floor(ctx.height / 2) - 2, 0xff4040, shown);
          return;
        }
        if (!recording) return;
        drawFrame(g);
        if (noteTicks > 0) {
          const y = Math.floor(ctx.height / 2) - 3;
          g.fillRect(0, y - 1, ctx.width, 7, 0x000000);
          g.banner(note, y, 0xffffff, shown);
        }
      },
    };
  },
});
