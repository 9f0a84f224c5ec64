import { type Color, defineGame, dim, type Input, sprite } from '../../src/index.ts';
import { CycleDetector } from './cycle.ts';
import { DriftDetector } from './drift.ts';
import { LifeGrid } from './grid.ts';
import { AGE_COLORS } from './palette.ts';
import { PATTERNS, type PatternName, transform } from './patterns.ts';
import { parseRule } from './rule.ts';
import { SOUNDS } from './sounds.ts';

/** Generations per second offered by the setting and stepped through with up/down. */
export const SPEEDS = [1, 2, 5, 10, 15, 20, 30, 60] as const;
const SPEED_TEXTS = SPEEDS.map(String);
/** Share of cells alive in a random soup. */
export const DENSITY = 0.35;
/** Exact repeats are searched this many generations back (≥ 30 as asked; LWSS on 20 wide is 40). */
export const HISTORY = 64;
export const CURSOR: Color = 0xffffff;
/** The cursor's off phase over a dead cell, so it never disappears completely. */
export const CURSOR_DIM: Color = 0x303030;
/** Brightness of the board while paused with B. */
export const PAUSED_LEVEL = 0.35;

const START_VALUES = ['random', ...(Object.keys(PATTERNS) as PatternName[])] as const;

/**
 * Conway's Game of Life and its life-like cousins on a torus the size of the table; a toy
 * (kind 'app': no score, back returns to the menu). See README.md for controls and choices.
 */
export default defineGame({
  id: 'life',
  title: 'Game of Life',
  description: 'Cells live, die and are born; colour shows age. A reseeds, B pauses, start edits.',
  kind: 'app',
  players: { min: 1, max: 1 },
  settings: {
    start: { label: 'START', values: START_VALUES, default: 'random' },
    rule: {
      label: 'RULE',
      values: ['B3/S23', 'B36/S23', 'B2/S', 'B3678/S34678', 'B1357/S1357', 'B368/S245'],
      default: 'B3/S23',
    },
    speed: { label: 'GEN/S', values: SPEEDS, default: 10 },
  },
  icon: sprite(['.c...', '..g..', 'yrg..', '.....', '...mm', '...mm'], {
    c: 0xa0ffff,
    g: 0x00ff40,
    y: 0xffd000,
    r: 0xff0000,
    m: 0x700050,
  }),
  sounds: SOUNDS,
  create(ctx) {
    ctx.music.play('theme');
    // A `rule` parameter (config file or --set rule=B36/S23) overrides the menu choice.
    const ruleText = typeof ctx.params.rule === 'string' ? ctx.params.rule : String(ctx.settings.rule);
    const rule = parseRule(ruleText);
    const start = String(ctx.settings.start);
    const pattern = start in PATTERNS ? PATTERNS[start as PatternName] : undefined;
    const grid = new LifeGrid(ctx.width, ctx.height);
    const cycles = new CycleDetector(ctx.width * ctx.height, HISTORY);
    const drift = new DriftDetector(30, 240);
    const settlePause = ctx.ticks(3);
    const speedShowTicks = ctx.ticks(1);
    const maxStepsPerTick = 8;

    let speedIndex = Math.max(0, SPEEDS.indexOf(Number(ctx.settings.speed) as (typeof SPEEDS)[number]));
    let owed = 0; // generations due, fractional
    let paused = false;
    let editing = false;
    let cursorX = Math.floor(ctx.width / 2);
    let cursorY = Math.floor(ctx.height / 2);
    let editTicks = 0;
    /** Ticks left before a reseed once the world settled into a cycle; -1 while it has not. */
    let settleLeft = -1;
    let speedShown = 0;

    const watchFromHere = () => {
      cycles.reset();
      drift.reset();
      cycles.push(grid.cells, grid.hash());
      drift.push(grid.population());
      settleLeft = -1;
    };

    const reseed = () => {
      if (pattern) {
        grid.clear();
        const rows = transform(pattern, ctx.random.int(8));
        const w = rows[0]?.length ?? 0;
        grid.place(
          rows,
          ctx.random.int(ctx.width) - (w >> 1),
          ctx.random.int(ctx.height) - (rows.length >> 1),
        );
      } else {
        grid.randomize(ctx.random, DENSITY);
      }
      owed = 0;
      watchFromHere();
      ctx.sound.play('seed');
      ctx.log(`life seeded with ${start}`);
    };

    const generation = () => {
      grid.step(rule);
      if (settleLeft >= 0) return;
      let period = cycles.push(grid.cells, grid.hash());
      const settled = drift.push(grid.population());
      if (period === 0) period = settled;
      if (period > 0) {
        settleLeft = settlePause;
        ctx.log(`life settled with period ${period} at generation ${grid.generation}`);
      }
    };

    const edit = (input: Input) => {
      editTicks++;
      const p = input.any;
      const dx = (p.repeat('right', 12, 3) ? 1 : 0) - (p.repeat('left', 12, 3) ? 1 : 0);
      const dy = (p.repeat('down', 12, 3) ? 1 : 0) - (p.repeat('up', 12, 3) ? 1 : 0);
      if (dx !== 0 || dy !== 0) {
        cursorX = (cursorX + dx + ctx.width) % ctx.width;
        cursorY = (cursorY + dy + ctx.height) % ctx.height;
        editTicks = 0; // show the cursor at once after a move
      }
      if (p.pressed('a')) {
        grid.toggle(cursorX, cursorY);
        ctx.sound.play('toggle');
      }
      if (p.pressed('b')) grid.clear();
    };

    reseed();

    return {
      update(input) {
        const p = input.any;
        if (speedShown > 0) speedShown--;
        if (p.pressed('start')) {
          editing = !editing;
          editTicks = 0;
          if (!editing) watchFromHere();
          return;
        }
        if (editing) {
          edit(input);
          return;
        }
        if (p.pressed('a')) reseed();
        if (p.pressed('b')) paused = !paused;
        const faster = p.repeat('up', 20, 8) ? 1 : 0;
        const slower = p.repeat('down', 20, 8) ? 1 : 0;
        if (faster !== slower) {
          speedIndex = Math.max(0, Math.min(SPEEDS.length - 1, speedIndex + faster - slower));
          speedShown = speedShowTicks;
        }
        if (paused) return;
        owed += (SPEEDS[speedIndex] ?? 10) / ctx.rate;
        for (let steps = 0; owed >= 1 && steps < maxStepsPerTick; steps++) {
          owed -= 1;
          generation();
        }
        if (owed > maxStepsPerTick) owed = 0; // never build a backlog at low loop rates
        if (settleLeft >= 0 && settleLeft-- === 0) reseed();
      },
      draw(g) {
        g.clear();
        // Paused boards dim; a settled board fades towards the reseed.
        const level =
          paused && !editing ? PAUSED_LEVEL : settleLeft >= 0 ? 0.3 + (0.7 * settleLeft) / settlePause : 1;
        const ages = grid.ages;
        for (let y = 0, i = 0; y < ctx.height; y++) {
          for (let x = 0; x < ctx.width; x++, i++) {
            const age = ages[i] ?? 0;
            if (age === 0) continue;
            const color = AGE_COLORS[age] ?? 0;
            g.set(x, y, level === 1 ? color : dim(color, level));
          }
        }
        if (editing) {
          const on = Math.floor(editTicks / ctx.ticks(0.25)) % 2 === 0;
          if (on) g.set(cursorX, cursorY, CURSOR);
          else if (!grid.alive(cursorX, cursorY)) g.set(cursorX, cursorY, CURSOR_DIM);
        }
        if (speedShown > 0) {
          const text = SPEED_TEXTS[speedIndex] ?? '';
          const y = Math.floor(ctx.height / 2) - 3;
          g.fillRect(0, y, ctx.width, 7, 0);
          g.banner(text, y + 1, 0xffffff, 0);
        }
      },
    };
  },
});
