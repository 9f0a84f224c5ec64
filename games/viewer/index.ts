import { fileURLToPath } from 'node:url';
import { Canvas, defineGame, drawSpinner, Graphics, sprite } from '../../src/index.ts';
import { readConfig, VIEWER_PARAMS } from './config.ts';
import { PictureError } from './decode.ts';
import { sharedDecoder } from './decode-process.ts';
import { FIT_LABELS, FIT_MODES } from './fit.ts';
import { blendBytes } from './linear.ts';
import { PictureCache } from './picture-cache.ts';
import { delaysInTicks, renderPicture } from './render.ts';
import { listSources, type Source } from './sources.ts';

/** The sample pictures that ship with ledtable, shown when no --path is given. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../assets/images/', import.meta.url));

/** Problem messages scroll at this many pixels per tick. */
const SCROLL_SPEED = 0.5;
const PROBLEM_COLOR = 0xff5030;
const PROGRESS_COLOR = 0x2050ff;
/** Measures text in the default font (how long a problem message takes to scroll past). */
const measure = new Graphics(new Canvas(1, 1));

/**
 * Pictures on the table: a slideshow of files and folders (params.path, else the samples),
 * loaded lazily one at a time, shrunk in linear light and cached small. Right/left step, A
 * cycles the fit mode, B pauses. Files that cannot be shown are reported on the table and in the
 * log, then skipped.
 */
export default defineGame({
  id: 'viewer',
  title: 'Pictures',
  description: 'Slideshow of your pictures (--path DIR|FILE) or the samples; A: fit mode, B: pause.',
  kind: 'app',
  controls: { left: 'previous', right: 'next', a: 'fit', b: 'pause', back: 'menu' },
  hint: ['right', 'a'],
  params: VIEWER_PARAMS,
  icon: sprite(
    [
      'wwwwwwwwwwww',
      'wbbbbbbbbyyw',
      'wbbbbbbbbyyw',
      'wbbbgbbbbbbw',
      'wbbgggbbgbbw',
      'wbgggggggggw',
      'wwwwwwwwwwww',
    ],
    { w: 0xc08040, b: 0x3080ff, y: 0xffd000, g: 0x20b030 },
  ),
  create(ctx) {
    const W = ctx.width;
    const H = ctx.height;
    const config = readConfig(ctx.params, (message) => ctx.log(message));
    const paths = config.paths.length > 0 ? config.paths : [SAMPLES_DIR];
    const cache = new PictureCache(config.cacheMb * 1024 * 1024);
    const intervalTicks = ctx.ticks(config.interval);
    const fadeLength = ctx.ticks(config.crossfade);

    let sources: Source[] | undefined;
    let order: number[] = [];
    let fileCount = 0;
    /** Files that failed to decode: index → table message. */
    const bad = new Map<number, string>();
    /** Files decoded at least once (they may have left the cache since). */
    const good = new Set<number>();
    let loading = -1;
    let disposed = false;

    let pos = 0;
    let current = -1;
    let fitIndex = FIT_MODES.indexOf(config.fit);
    let frames: readonly Uint8Array[] | undefined;
    let delays: Int32Array = new Int32Array(0);
    let loops = 0;
    let frame = 0;
    let frameTicks = 0;
    let loopsDone = 0;
    let shownTicks = 0;
    let paused = false;
    let fadeTicks = 0;
    let overlay = '';
    let overlayTicks = 0;
    let spin = 0;
    /** What the table showed last (without overlays): where a crossfade starts. */
    const lastShown = new Uint8Array(W * H * 3);
    const fadeFrom = new Uint8Array(W * H * 3);
    const composed = new Uint8Array(W * H * 3);

    ctx.log(`looking for pictures in ${paths.join(', ')}`);
    ctx.task(
      listSources(paths).then((list) => {
        if (disposed) return;
        sources = list;
        order = list.map((_, i) => i);
        if (config.shuffle) ctx.random.shuffle(order);
        fileCount = list.filter((s) => s.kind === 'file').length;
        for (const s of list) if (s.kind === 'problem') ctx.log(s.message);
        ctx.log(`${fileCount} picture file${fileCount === 1 ? '' : 's'} found`);
      }),
    );

    const isFile = (i: number) => sources?.[i]?.kind === 'file';
    const isProblem = (i: number) => !isFile(i) || bad.has(i);
    const problemText = (i: number): string => {
      const source = sources?.[i];
      if (!source) return '';
      if (source.kind === 'problem') return source.short;
      return `${source.name}: ${bad.get(i) ?? ''}`;
    };
    const problemTicks = (i: number) =>
      Math.max(ctx.ticks(2), Math.ceil((W + 6 + measure.textWidth(problemText(i))) / SCROLL_SPEED));

    /** Next index to decode: the picture on show, then the next one, then the rest in order. */
    const pick = (): number => {
      const n = order.length;
      if (n === 0) return -1;
      for (const step of [0, 1]) {
        const i = order[(pos + step) % n] ?? -1;
        if (isFile(i) && !bad.has(i) && !cache.has(i)) return i;
      }
      for (let k = 0; k < n; k++) {
        const i = order[k] ?? -1;
        if (isFile(i) && !bad.has(i) && !good.has(i)) return i;
      }
      return -1;
    };

    const checked = () => {
      const done = good.size + bad.size;
      const step = Math.max(1, Math.ceil(fileCount / 10));
      if (done === fileCount) {
        ctx.log(`checked all ${fileCount} pictures: ${good.size} ready, ${bad.size} skipped`);
      } else if (done % step === 0) {
        ctx.log(`checked ${done} of ${fileCount} pictures`);
      }
    };

    const pump = () => {
      if (disposed || loading >= 0 || !sources) return;
      const i = pick();
      const source = sources[i];
      if (source?.kind !== 'file') return;
      loading = i;
      ctx.task(
        sharedDecoder()
          .decode(source.path, W, H)
          .then(
            (picture) => {
              cache.set(i, picture);
              if (!good.has(i)) {
                good.add(i);
                checked();
              }
            },
            (error: unknown) => {
              const failure =
                error instanceof PictureError
                  ? error
                  : new PictureError('CANNOT SHOW', `${source.path}: ${(error as Error).message}`);
              bad.set(i, failure.short);
              ctx.log(`skipped: ${failure.message}`);
              checked();
            },
          )
          .finally(() => {
            loading = -1;
          }),
      );
    };

    /** Renders the current picture for the current fit mode, if it is decoded. */
    const render = (keepFrame: boolean): boolean => {
      const picture = cache.get(current);
      if (!picture) return false;
      frames = renderPicture(picture, W, H, FIT_MODES[fitIndex] ?? 'cover');
      delays = delaysInTicks(picture.delays, ctx.rate);
      loops = picture.loop;
      if (!keepFrame || frame >= frames.length) {
        frame = 0;
        frameTicks = 0;
        loopsDone = 0;
      }
      return true;
    };

    const go = (step: number, fade: boolean) => {
      const n = order.length;
      if (n === 0) return;
      fadeTicks = fade && fadeLength > 0 ? fadeLength : 0;
      if (fadeTicks > 0) fadeFrom.set(lastShown);
      pos = (((pos + step) % n) + n) % n;
      current = order[pos] ?? 0;
      frames = undefined;
      shownTicks = 0;
      render(false);
    };

    const showOverlay = (text: string) => {
      overlay = text;
      overlayTicks = ctx.ticks(1.5);
    };

    return {
      update(input) {
        spin++;
        if (overlayTicks > 0) overlayTicks--;
        if (!sources || order.length === 0) return;
        // The frame on show has been drawn once more; a picture rendered below starts at 0.
        if (frames && frames.length > 1 && !(loops > 0 && loopsDone >= loops)) {
          frameTicks++;
          if (frameTicks >= (delays[frame] ?? 1)) {
            frameTicks = 0;
            frame++;
            if (frame >= frames.length) {
              loopsDone++;
              frame = loops > 0 && loopsDone >= loops ? frames.length - 1 : 0;
            }
          }
        }
        if (current < 0) go(0, false);
        if (input.any.pressed('right')) go(1, false);
        else if (input.any.pressed('left')) go(-1, false);
        if (input.any.pressed('a')) {
          fitIndex = (fitIndex + 1) % FIT_MODES.length;
          showOverlay(FIT_LABELS[FIT_MODES[fitIndex] ?? 'cover']);
          if (frames) render(true);
        }
        if (input.any.pressed('b')) {
          paused = !paused;
          showOverlay(paused ? 'PAUSE' : 'PLAY');
        }
        pump();
        if (!frames && !isProblem(current) && render(false)) shownTicks = 0;
        if (fadeTicks > 0) fadeTicks--;
        shownTicks++;

        const n = order.length;
        if (n > 1) {
          const problem = isProblem(current);
          const due = problem ? shownTicks >= problemTicks(current) : !paused && shownTicks >= intervalTicks;
          const next = order[(pos + 1) % n] ?? 0;
          if (due && (isProblem(next) || cache.has(next))) go(1, !problem);
        }
      },

      draw(g) {
        if (!sources || current < 0) {
          drawSpinner(g, spin);
        } else if (isProblem(current)) {
          g.clear();
          g.fillRect(Math.floor(W / 2) - 1, 0, 2, 3, PROBLEM_COLOR);
          g.set(Math.floor(W / 2) - 1, 4, PROBLEM_COLOR);
          g.set(Math.floor(W / 2), 4, PROBLEM_COLOR);
          g.banner(problemText(current), Math.max(0, Math.floor(H / 2) - 2), PROBLEM_COLOR, shownTicks, {
            speed: SCROLL_SPEED,
          });
        } else if (frames) {
          const shown = frames[frame] ?? frames[0]!;
          if (fadeTicks > 0) {
            blendBytes(fadeFrom, shown, 1 - fadeTicks / fadeLength, composed);
            g.canvas.pixels.set(composed);
          } else {
            g.canvas.pixels.set(shown);
          }
        } else {
          drawSpinner(g, spin);
        }
        lastShown.set(g.canvas.pixels);

        const done = good.size + bad.size;
        if (fileCount > 1 && done < fileCount) {
          const lit = Math.max(1, Math.round((W * done) / fileCount));
          g.fillRect(0, H - 1, W, 1, 0x000000);
          g.fillRect(0, H - 1, lit, 1, PROGRESS_COLOR);
        }
        if (overlayTicks > 0) {
          const y = Math.max(0, Math.floor(H / 2) - 3);
          g.fillRect(0, y, W, 7, 0x000000);
          g.banner(overlay, y + 1, 0xffffff, ctx.ticks(1.5) - overlayTicks);
        }
      },

      dispose() {
        disposed = true;
      },
    };
  },
});
