/**
 * Child process of the cost-at-rest and TPM2 benches: runs the table in real time, as
 * `ledtable` does (RealClock, colour pipeline, the drivers --output names), with nobody pressing
 * anything, and prints one JSON line: CPU % of one core, resident memory, tick intervals and
 * frames presented and sent to devices over the window. A fresh process, so the figures are the table's alone.
 * Usage: node at-rest-child.js SCENE RATE SECONDS OUTPUT
 *   SCENE: menu | probe (draws a new frame every tick) | a game id (played with seed 1)
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RealClock } from '../../engine/clock.ts';
import { defineGame } from '../../engine/game.ts';
import { MemoryLogger } from '../../engine/log.ts';
import type { FrameSink } from '../../engine/scene.ts';
import { ColorPipeline } from '../../output/color-pipeline.ts';
import { OutputStage } from '../../output/output-stage.ts';
import { Table } from '../../table/table.ts';
import { defaultOptions } from '../options.ts';
import { createDrivers } from '../outputs.ts';
import { prepareTable } from '../table-setup.ts';

const [scene = 'menu', rateArg = '25', secondsArg = '30', output = 'null'] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
/** Ticks before measuring: loading, JIT warm-up and the first GCs are not "at rest". */
const WARM_UP_SECONDS = 1;

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
  dataDir: join(tmpdir(), 'ledtable-bench'),
};
const log = new MemoryLogger();
const setup = await prepareTable(options, {}, log);
const drivers = await createDrivers({
  layout: setup.layout,
  options,
  stdout: process.stdout,
  env: process.env,
  log: (message) => log.warn(message),
});
let presented = 0;
const stage = new OutputStage(setup.layout, drivers, new ColorPipeline({ brightness: 80 }), () => {}, rate);
await stage.open();
const sink: FrameSink = {
  show(frame) {
    presented++;
    stage.show(frame);
  },
};
const clock = new RealClock({ lead: 1 }); // as run-table.ts;
const table = new Table({ ...setup.tableBase, rate, clock, sink, idleSeconds: 0, seed: 1, log });
if (scene !== 'menu') {
  const game = scene === 'probe' ? probe : setup.catalog.find((g) => g.id === scene);
  if (!game) throw new Error(`no scene "${scene}": menu, probe or a game id`);
  table.play(game, { seed: 1 });
  await table.engine.settle();
}

const stamps: number[] = [];
let cpuBefore = process.cpuUsage();
let presentedBefore = 0;
/** Frames drivers with a `sent` count (TPM2 serial) wrote to their device. */
const sent = () => drivers.reduce((sum, d) => sum + ((d as { sent?: number }).sent ?? 0), 0);
let sentBefore = 0;
let measuring = false;
const started = performance.now();
await new Promise<void>((resolve) => {
  clock.start(rate, (due) => {
    const now = performance.now();
    if (!measuring && now - started >= WARM_UP_SECONDS * 1000) {
      measuring = true;
      cpuBefore = process.cpuUsage();
      presentedBefore = presented;
      sentBefore = sent();
    }
    if (measuring) stamps.push(now);
    table.engine.advance(due);
    if (measuring && now - stamps[0]! >= seconds * 1000) {
      clock.stop();
      resolve();
    }
  });
});
const cpu = process.cpuUsage(cpuBefore);
const window = stamps[stamps.length - 1]! - stamps[0]!;
const rss = process.memoryUsage.rss();
const sentInWindow = sent() - sentBefore;
table.engine.stop();
await stage.close();
const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!);
process.stdout.write(
  `${JSON.stringify({
    cpuPercent: ((cpu.user + cpu.system) / 1000 / window) * 100,
    rss,
    intervals,
    presented: presented - presentedBefore,
    sent: sentInWindow,
    seconds: window / 1000,
    problems: log.lines.filter((line) => !line.startsWith('info:')),
  })}\n`,
);
