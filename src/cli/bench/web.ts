import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RealClock } from '../../engine/clock.ts';
import { defineGame } from '../../engine/game.ts';
import { MemoryLogger } from '../../engine/log.ts';
import { PlayerSeats } from '../../input/player-seats.ts';
import { ColorPipeline } from '../../output/color-pipeline.ts';
import { OutputStage } from '../../output/output-stage.ts';
import { Table } from '../../table/table.ts';
import { nodeArgsFor } from '../node-child.ts';
import type { TableSetup } from '../table-setup.ts';
import { startWeb } from '../web.ts';
import { type BenchFigure, type BenchSection, percentiles } from './section.ts';

const RATE = 60;
const SECONDS = 4;
const CHROMIUM = '/usr/bin/chromium';
const TAPS = 40;

/** A scene whose every frame differs (a pixel walks the table): the live view sends all of them. */
const walker = defineGame({
  id: 'bench-walker',
  title: 'Bench walker',
  create: (ctx) => {
    let t = 0;
    return {
      update() {
        t++;
      },
      draw(g) {
        g.clear(0x102030);
        g.set(t % ctx.width, Math.floor(t / ctx.width) % ctx.height, 0xffffff);
      },
    };
  },
});

interface Phase {
  readonly tapTimes: number[];
  readonly intervals: number[];
  readonly cpuMs: number;
  readonly seconds: number;
  readonly clients?: { elapsed: number; frames: number[]; bytes: number[] };
}

/**
 * The web page's cost: the real clock at 60 Hz runs a scene that changes every frame with the
 * web server on; live-view clients (in a child process) watch it: none, 1, then 10. Figures:
 * frames per second each client received, bytes per second, the table process's extra CPU per
 * client, and the loop's tick-interval jitter with and without clients (aim: p99 within 1 ms).
 * Then a phone pad page in Chromium (when installed): time from the touch event in the page to
 * the tick whose input sample applies the press.
 */
export const webBench: BenchSection = {
  title: 'Web page (live view clients, loop jitter, touch → tick)',
  async run(setup: TableSetup, report: (figure: BenchFigure) => void): Promise<void> {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-bench-web-'));
    const clock = new RealClock();
    const pipeline = new ColorPipeline({ brightness: 100 });
    const log = new MemoryLogger();
    const stage = new OutputStage(setup.layout, [], pipeline, () => {}, RATE);
    /** Time the live view took inside each tick (compare, copy, send to every client), ms. */
    let tapTimes: number[] = [];
    const table = new Table({
      catalog: [walker],
      clock,
      rate: RATE,
      idleSeconds: 0,
      seed: 1,
      log,
      width: setup.options.width,
      height: setup.options.height,
      // The frame path without LED drivers (their cost is in the outputs section).
      sink: stage,
    });
    const web = await startWeb({
      options: { web: '127.0.0.1:0', webOpen: true, webPrivateView: false, output: ['null'] },
      table,
      pipeline,
      controls: undefined,
      dataDir,
      ledCount: setup.layout.ledCount,
      log,
    });
    if (!web) throw new Error(`web server did not start: ${log.lines.join('; ')}`);
    web.pads.start(() => {}, new PlayerSeats(table.input));
    const view = web.server.view;
    const { width, height } = setup.layout;
    stage.tap((seen) => {
      const started = performance.now();
      view.frame(seen, width, height);
      tapTimes.push(performance.now() - started);
    });
    const url = `ws://127.0.0.1:${web.port}/ws/view`;
    let stamps: number[] = [];
    let tickSeen: ((at: number) => void) | undefined;
    table.input.recorder = {
      sampled(event) {
        if (event.down) tickSeen?.(performance.timeOrigin + performance.now());
      },
    };
    clock.start(RATE, (due) => {
      stamps.push(performance.now());
      table.engine.advance(due);
    });
    table.play(walker);
    try {
      const phase = async (clients: number): Promise<Phase> => {
        const watchers = clients > 0 ? await startClients(url, clients) : undefined;
        stamps = [];
        tapTimes = [];
        const cpu = process.cpuUsage();
        const started = performance.now();
        const counts = watchers ? await watchers.result : await sleep(SECONDS * 1000);
        const seconds = (performance.now() - started) / 1000;
        const used = process.cpuUsage(cpu);
        const intervals = stamps.slice(1).map((t, i) => Math.abs(t - stamps[i]! - 1000 / RATE));
        return {
          tapTimes,
          intervals,
          cpuMs: (used.user + used.system) / 1000,
          seconds,
          ...(counts ? { clients: counts } : {}),
        };
      };
      const none = await phase(0);
      const one = await phase(1);
      const ten = await phase(10);
      const fps = (p: Phase) => (p.clients ? round(Math.min(...p.clients.frames) / p.clients.elapsed, 1) : 0);
      const cpuPercent = (p: Phase) => (p.cpuMs / 1000 / p.seconds) * 100;
      report({ name: 'frames/s received, 1 client', value: fps(one), unit: 'fps', note: `loop ${RATE}` });
      report({ name: 'frames/s received, slowest of 10 clients', value: fps(ten), unit: 'fps' });
      const bytesPerSecond = ten.clients
        ? ten.clients.bytes.reduce((a, b) => a + b, 0) / ten.clients.elapsed
        : 0;
      report({ name: 'bytes/s sent to 10 clients', value: Math.round(bytesPerSecond), unit: 'B/s' });
      report({ name: 'CPU of the table, no clients', value: round(cpuPercent(none), 2), unit: '% core' });
      report({
        name: 'extra CPU per client (10 clients)',
        value: round((cpuPercent(ten) - cpuPercent(none)) / 10, 3),
        unit: '% core',
      });
      const tap = percentiles(ten.tapTimes);
      report({
        name: 'live view time per tick, 10 clients, median',
        value: round(tap.median * 1000, 1),
        unit: 'µs',
      });
      report({
        name: 'live view time per tick, 10 clients, p99',
        value: round(tap.p99 * 1000, 1),
        unit: 'µs',
      });
      const p99 = (p: Phase) => percentiles(p.intervals).p99;
      report({ name: 'tick interval jitter p99, no clients', value: round(p99(none), 3), unit: 'ms' });
      report({ name: 'tick interval jitter p99, 10 clients', value: round(p99(ten), 3), unit: 'ms' });
      report({
        name: 'jitter p99 added by 10 clients',
        value: round(p99(ten) - p99(none), 3),
        unit: 'ms',
        note: 'aim < 1',
      });

      if (!existsSync(CHROMIUM)) {
        report({ name: 'touch → tick (skipped: no Chromium)', value: 0, unit: 'ms' });
        return;
      }
      const latencies = await touchLatency(`http://127.0.0.1:${web.port}/#pad`, (listener) => {
        tickSeen = listener;
      });
      const l = percentiles(latencies);
      report({ name: 'touch → tick median', value: round(l.median, 2), unit: 'ms', note: `${TAPS} taps` });
      report({ name: 'touch → tick p99', value: round(l.p99, 2), unit: 'ms', note: 'aim ≤ one tick + 2' });
    } finally {
      clock.stop();
      await web.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

/** Starts the clients' child process; resolves once every client is connected. */
async function startClients(
  url: string,
  count: number,
): Promise<{ result: Promise<{ elapsed: number; frames: number[]; bytes: number[] }> }> {
  const args = [...nodeArgsFor('./web-clients.ts', import.meta.url), url, String(count), String(SECONDS)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffer = '';
  let ready: () => void = () => {};
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const result = new Promise<{ elapsed: number; frames: number[]; bytes: number[] }>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      buffer += data.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') ready();
        else if (line.startsWith('{')) resolve(JSON.parse(line));
      }
    });
    child.on('exit', (code) => reject(new Error(`web bench clients exited with ${code}`)));
  });
  result.catch(() => {});
  await Promise.race([isReady, result]);
  return { result };
}

/**
 * Taps the A button of a pad page TAPS times at random moments; each touch's time is taken in
 * the page (event timeStamp, same wall clock as ours) and paired with the tick that applied it.
 */
async function touchLatency(
  url: string,
  onTick: (listener: (at: number) => void) => void,
): Promise<number[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })
    ).newPage();
    await page.goto(url);
    await page.waitForSelector('#seat:has-text("P1")');
    // Runs in the page (no DOM types here): keep every pointerdown's time.
    await page.evaluate(() => {
      const w = globalThis as unknown as {
        touches: number[];
        addEventListener(type: string, f: (e: { timeStamp: number }) => void, o: object): void;
      };
      w.touches = [];
      w.addEventListener('pointerdown', (e) => w.touches.push(performance.timeOrigin + e.timeStamp), {
        capture: true,
      });
    });
    const box = (await page.locator('[data-button="a"]').boundingBox())!;
    const seen: number[] = [];
    onTick((at) => seen.push(at));
    for (let i = 0; i < TAPS; i++) {
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await sleep(20 + Math.random() * 30);
    }
    await sleep(100);
    const touches = await page.evaluate(() => (globalThis as unknown as { touches: number[] }).touches);
    return touches.slice(0, seen.length).map((t, i) => seen[i]! - t);
  } finally {
    await browser.close();
  }
}

function sleep(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
