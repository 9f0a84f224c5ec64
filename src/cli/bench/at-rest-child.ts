/**
 * Child process of the cost-at-rest and TPM2 benches: runs the table exactly as `ledtable` does
 * (runTable: real clock, games guarded as the default --guard says, the watchdog, input watchers,
 * brightness fader, the drivers --output names), with nobody pressing anything, and prints one
 * JSON line: CPU % of one core (every thread of the process), resident memory, tick intervals and
 * frames presented and sent to devices over the window. A fresh process, so the figures are the
 * table's alone.
 * Usage: node at-rest-child.js SCENE RATE SECONDS OUTPUT [WARM_UP_SECONDS]
 *   SCENE: menu | probe (draws a new frame every tick) | a game id (played with seed 1)
 *   WARM_UP_SECONDS: ticks before measuring (loading, JIT warm-up, the first GCs); default 1
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Clock } from '../../engine/clock.ts';
import { defineGame } from '../../engine/game.ts';
import { MemoryLogger } from '../../engine/log.ts';
import { defaultOptions } from '../options.ts';
import { runTable } from '../run-table.ts';
import { prepareTable } from '../table-setup.ts';

const [scene = 'menu', rateArg = '25', secondsArg = '30', output = 'null', warmUpArg = '1'] =
  process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const warmUpSeconds = Number(warmUpArg);

/** A frame that differs every tick: one lit pixel walking the table. */
const probe = defineGame({
  id: 'probe',
  title: 'Probe',
  create(ctx) {
    let t = 0;
    return {
      update() {
        t++;
      },
      draw(g) {
        g.clear();
        g.set(t % ctx.width, Math.floor(t / ctx.width) % ctx.height, 0xffffff);
      },
    };
  },
});

const options = {
  ...defaultOptions(),
  output: [output],
  fps: rate,
  idle: 0, // the menu stays the menu: "at rest", not the idle show
  audio: 'off',
  seed: 1,
  dataDir: join(tmpdir(), 'ledtable-bench'),
};
const log = new MemoryLogger();
const setup = await prepareTable(options, {}, log);
const game =
  scene === 'menu' ? undefined : scene === 'probe' ? probe : setup.catalog.find((g) => g.id === scene);
if (scene !== 'menu' && !game) throw new Error(`no scene "${scene}": menu, probe or a game id`);

/** The JSON line goes to the real stdout; the table's own writes (none with these outputs) go nowhere. */
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;
const stamps: number[] = [];
let measuring = false;
let cpuBefore = process.cpuUsage();
let presentedBefore = 0;
let sentBefore = 0;
let figures = '';

const code = await runTable(
  setup,
  {
    ...(game ? { game, launch: { seed: 1 } } : {}),
    keys: false,
    // stamps every tick the real clock runs, before the table's own work
    clock: (real: Clock): Clock => ({
      start: (r, onTicks) =>
        real.start(r, (due) => {
          if (measuring) stamps.push(performance.now());
          onTicks(due);
        }),
      stop: () => real.stop(),
    }),
    attach(table, stop, drivers) {
      /** Frames drivers with a `sent` count (TPM2 serial) wrote to their device. */
      const sent = () => drivers.reduce((sum, d) => sum + ((d as { sent?: number }).sent ?? 0), 0);
      const warmUp = setTimeout(() => {
        measuring = true;
        cpuBefore = process.cpuUsage();
        presentedBefore = table.engine.frames;
        sentBefore = sent();
        setTimeout(() => {
          const cpu = process.cpuUsage(cpuBefore);
          const window = stamps[stamps.length - 1]! - stamps[0]!;
          figures = JSON.stringify({
            cpuPercent: ((cpu.user + cpu.system) / 1000 / window) * 100,
            rss: process.memoryUsage.rss(),
            intervals: stamps.slice(1).map((t, i) => t - stamps[i]!),
            presented: table.engine.frames - presentedBefore,
            sent: sent() - sentBefore,
            seconds: window / 1000,
            problems: log.lines.filter((line) => !line.startsWith('info:')),
          });
          stop();
        }, seconds * 1000);
      }, warmUpSeconds * 1000);
      return () => clearTimeout(warmUp);
    },
  },
  { stdout: quiet, stderr: process.stderr, stdin: process.stdin, env: {} },
  log,
);
if (code !== 0 || figures === '')
  throw new Error(`the table stopped with exit code ${code}: ${log.lines.join('; ')}`);
process.stdout.write(`${figures}\n`);
process.exit(0);
