import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { AnyGame } from '../../engine/game.ts';
import { Harness } from '../../testing/harness.ts';
import type { TableSetup } from '../table-setup.ts';
import { type BenchSection, percentiles } from './section.ts';

/** A photo-like picture: smooth colour blobs (a small random image scaled up) with fine grain. */
async function photo(width: number, height: number, seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s >> 16;
  };
  const small = Buffer.alloc(16 * 12 * 3);
  for (let i = 0; i < small.length; i++) small[i] = next() & 255;
  const grain = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 0, sigma: 12 },
    },
  })
    .raw()
    .toBuffer();
  return sharp(small, { raw: { width: 16, height: 12, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .composite([{ input: grain, raw: { width, height, channels: 3 }, blend: 'soft-light' }]);
}

const MB = 1024 * 1024;

interface MemoryRun {
  readonly before: number;
  readonly peak: number;
  readonly seconds: number;
}

/** Runs viewer-memory.ts in a fresh Node process on `folder`; resolves with its figures. */
function peakMemory(folder: string): Promise<MemoryRun> {
  const worker = fileURLToPath(new URL('./viewer-memory.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', worker, folder],
      { maxBuffer: MB },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`viewer memory run failed: ${stderr || error.message}`));
          return;
        }
        const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as MemoryRun & { done: boolean };
        if (!result.done) reject(new Error(`the viewer did not get through ${folder}`));
        else resolve(result);
      },
    );
  });
}

/** Milliseconds from starting the viewer on `path` to its first picture on the table. */
async function timeToFirstFrame(viewer: AnyGame, table: TableSetup, path: string): Promise<number> {
  const started = performance.now();
  const t = await Harness.start(viewer, {
    seed: 1,
    width: table.options.width,
    height: table.options.height,
    params: { path },
  });
  await t.step(2); // tick 1 starts the decode, tick 2 waits for it and shows the picture
  const ms = performance.now() - started;
  if (t.crash) throw new Error(t.crash);
  t.engine.stop();
  return ms;
}

/**
 * The picture viewer: time to first frame for a 12-megapixel JPEG and a 4000 × 3000 PNG, the
 * cost of a slideshow tick once pictures are cached (crossfades included), and peak resident
 * memory while the viewer works through a folder of 100 large pictures (it must not grow with
 * the folder: the viewer decodes one picture at a time and caches only small copies).
 */
export const viewerBench: BenchSection = {
  title: 'Picture viewer',
  async run(table, report) {
    const viewer = table.catalog.find((g) => g.id === 'viewer');
    if (!viewer) return;
    const dir = mkdtempSync(join(tmpdir(), 'ledtable-bench-viewer-'));
    try {
      const jpeg = join(dir, 'photo.jpg');
      const png = join(dir, 'photo.png');
      await (await photo(4000, 3000, 1)).jpeg({ quality: 90 }).toFile(jpeg);
      await (await photo(4000, 3000, 2)).png({ compressionLevel: 6 }).toFile(png);
      for (const [name, file] of [
        ['12 MP JPEG (4000×3000)', jpeg],
        ['4000×3000 PNG', png],
      ] as const) {
        const samples: number[] = [];
        for (let i = 0; i < 5; i++) samples.push(await timeToFirstFrame(viewer, table, file));
        report({
          name: `time to first frame, ${name}`,
          value: Math.round(percentiles(samples).median),
          unit: 'ms',
          note: 'median of 5',
        });
      }

      // Cached slideshow: 8 pictures, a new one every 0.5 s with a 0.25 s crossfade.
      const small = join(dir, 'small');
      mkdirSync(small);
      for (let i = 0; i < 8; i++)
        await (await photo(640, 480, 10 + i)).jpeg().toFile(join(small, `${i}.jpg`));
      const t = await Harness.start(viewer, {
        seed: 1,
        width: table.options.width,
        height: table.options.height,
        params: { path: small, interval: 0.5, crossfade: 0.25 },
      });
      await t.step(20);
      const ticks: number[] = [];
      for (let i = 0; i < 6000; i++) {
        const start = performance.now();
        t.clock.step(1);
        ticks.push((performance.now() - start) * 1000);
      }
      t.engine.stop();
      const tick = percentiles(ticks);
      report({
        name: 'cached slideshow tick (engine + viewer)',
        value: Number(tick.median.toFixed(1)),
        unit: 'µs',
        note: `p99 ${tick.p99.toFixed(1)} µs`,
      });

      // 100 large pictures (4 different 12 MP JPEGs, 25 copies each), and 25 of them alone: the
      // peaks may differ only by the small copies the bounded cache keeps (16 MB at most).
      const big = join(dir, 'big');
      const quarter = join(dir, 'quarter');
      mkdirSync(big);
      mkdirSync(quarter);
      for (let k = 0; k < 4; k++) {
        const source = join(dir, `source-${k}.jpg`);
        await (await photo(4000, 3000, 100 + k)).jpeg({ quality: 90 }).toFile(source);
        for (let c = 0; c < 25; c++) copyFileSync(source, join(big, `photo-${c}-${k}.jpg`));
        for (let c = 0; c < 25 && k === 0; c++) copyFileSync(source, join(quarter, `photo-${c}.jpg`));
      }
      const many = await peakMemory(big);
      const few = await peakMemory(quarter);
      report({
        name: 'peak RSS, 100 pictures of 12 MP',
        value: Math.round(many.peak / MB),
        unit: 'MB',
        note: `${Math.round(many.before / MB)} MB at start`,
      });
      report({
        name: 'peak RSS, 25 of those pictures',
        value: Math.round(few.peak / MB),
        unit: 'MB',
        note: 'aim: within the 16 MB picture cache of the figure for 100',
      });
      report({
        name: 'working through 100 pictures',
        value: Number((100 / many.seconds).toFixed(1)),
        unit: 'pictures/s',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
