import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EV_KEY, EV_SYN, KEY_CODES } from '../../../hardware/evdev/codes.ts';
import { encodeRecords, nativeRecordSize } from '../../../hardware/evdev/decoder.ts';
import { EvdevSource } from '../../../hardware/evdev/evdev-source.ts';
import { RealClock } from '../../engine/clock.ts';
import { defineGame } from '../../engine/game.ts';
import { PlayerSeats } from '../../input/player-seats.ts';
import { Table } from '../../table/table.ts';
import type { TableSetup } from '../table-setup.ts';
import { type BenchFigure, type BenchSection, percentiles } from './section.ts';

const SAMPLES = 60;

/** A fake keyboard whose event node is a FIFO: the real reader path (poll, decode, map). */
const KEYBOARD = `I: Bus=0003 Vendor=046d Product=c31c Version=0110
N: Name="bench keyboard"
P: Phys=bench/input0
H: Handlers=kbd event0
B: EV=120013
`;

/**
 * Input latency: a key record is written into a FIFO that EvdevSource reads as /dev/input/event0,
 * at a random moment within the tick; the figure is the time until the tick whose update sees
 * the press, in ms and in tick periods (a sampled loop cannot do better than the next tick, so
 * the aim is at most one period).
 */
export const inputBench: BenchSection = {
  title: 'Input latency (evdev record → tick that sees it)',
  async run(table: TableSetup, report: (figure: BenchFigure) => void): Promise<void> {
    const root = mkdtempSync(join(tmpdir(), 'ledtable-bench-input-'));
    try {
      mkdirSync(join(root, 'dev', 'input'), { recursive: true });
      mkdirSync(join(root, 'proc', 'bus', 'input'), { recursive: true });
      writeFileSync(join(root, 'proc', 'bus', 'input', 'devices'), KEYBOARD);
      const fifo = join(root, 'dev', 'input', 'event0');
      try {
        execFileSync('mkfifo', [fifo]);
      } catch {
        report({ name: 'skipped', value: 0, unit: '', note: 'mkfifo is not available' });
        return;
      }
      await measure(table, root, fifo, report);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

async function measure(
  setup: TableSetup,
  root: string,
  fifo: string,
  report: (figure: BenchFigure) => void,
): Promise<void> {
  const rate = setup.options.fps;
  const tickMs = 1000 / rate;
  let seen: ((tick: number, at: number) => void) | undefined;
  const probe = defineGame({
    id: 'input-probe',
    title: 'Input probe',
    create: () => ({
      update(input) {
        // engine.tick during a tick's update = that tick's index (ticks completed before it)
        if (input.player(0).pressed('a')) seen?.(engine.tick, performance.now());
      },
      draw() {},
    }),
  });
  const table = new Table({ catalog: [probe], clock: new RealClock(), rate, idleSeconds: 0 });
  const { engine } = table;
  // O_RDWR keeps the FIFO open for writing without waiting for the reader, and never at EOF.
  const writer = openSync(fifo, constants.O_RDWR);
  const size = nativeRecordSize();
  const source = new EvdevSource({
    devRoot: join(root, 'dev'),
    procRoot: join(root, 'proc'),
    watch: false,
    recordSize: size,
  });
  let pushedAt = 0;
  source.start((event) => {
    if (event.down) pushedAt = performance.now();
    engine.input.push(event);
  }, new PlayerSeats(engine.input));
  engine.start();
  table.play(probe);
  const z = KEY_CODES.KEY_Z!;
  const down = encodeRecords(
    [
      { type: EV_KEY, code: z, value: 1 },
      { type: EV_SYN, code: 0, value: 0 },
    ],
    size,
  );
  const up = encodeRecords(
    [
      { type: EV_KEY, code: z, value: 0 },
      { type: EV_SYN, code: 0, value: 0 },
    ],
    size,
  );
  const ms: number[] = [];
  const delivery: number[] = [];
  const ticks: number[] = [];
  try {
    for (let i = 0; i < SAMPLES; i++) {
      await sleep(tickMs * (1 + Math.random()));
      const sent = performance.now();
      const tickAtSend = engine.tick;
      const result = await new Promise<{ tick: number; at: number } | undefined>((resolve) => {
        const timeout = setTimeout(() => resolve(undefined), 1000);
        seen = (tick, at) => {
          clearTimeout(timeout);
          resolve({ tick, at });
        };
        writeSync(writer, down);
      });
      seen = undefined;
      writeSync(writer, up);
      if (!result) continue;
      ms.push(result.at - sent);
      delivery.push(pushedAt - sent);
      // engine.tick at send = the index of the next tick: seen by that one = 1 tick
      ticks.push(result.tick - tickAtSend + 1);
    }
  } finally {
    engine.stop();
    source.stop();
    closeSync(writer);
  }
  const { median, p99, max } = percentiles(ms);
  report({ name: 'samples seen', value: ms.length, unit: `of ${SAMPLES}` });
  const read = percentiles(delivery);
  report({ name: 'reader: write → button event, median', value: round(read.median), unit: 'ms' });
  report({ name: 'reader: write → button event, max', value: round(read.max), unit: 'ms' });
  report({ name: 'latency median', value: round(median), unit: 'ms', note: `tick = ${round(tickMs)} ms` });
  report({ name: 'latency p99', value: round(p99), unit: 'ms' });
  report({
    name: 'latency max',
    value: round(max),
    unit: 'ms',
    note: `aim ≤ ${round(tickMs)} ms (one tick)`,
  });
  report({ name: 'latency max in ticks', value: round(max / tickMs), unit: 'ticks', note: 'aim ≤ 1' });
  report({
    name: 'seen one tick later than the next',
    value: ticks.filter((t) => t > 1).length,
    unit: `of ${ms.length}`,
    note: 'written while a tick was already due; still within one tick period',
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
