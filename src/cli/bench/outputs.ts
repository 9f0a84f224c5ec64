import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DdpDriver, DdpEncoder } from '../../../hardware/ddp.ts';
import { E131Driver, E131Encoder } from '../../../hardware/e131.ts';
import { Tpm2Encoder } from '../../../hardware/tpm2.ts';
import { Tpm2FileDriver } from '../../../hardware/tpm2-file.ts';
import { lineFramesPerSecond } from '../../../hardware/tpm2-serial.ts';
import { Ws281xDriver, type Ws281xModule } from '../../../hardware/ws281x.ts';
import { Random } from '../../engine/random.ts';
import { ColorPipeline } from '../../output/color-pipeline.ts';
import type { LedDriver } from '../../output/driver.ts';
import { StripMapper } from '../../output/strip-frame.ts';
import type { TableSetup } from '../table-setup.ts';
import { type BenchFigure, type BenchSection, percentiles } from './section.ts';

const WARM_UP = 300;
const MEASURED = 3000;
/** WS2812: 1.25 µs per bit, 24 bits per LED, then ≥ 280 µs low to latch (newer WS2812B). */
const WS2812_US_PER_LED = 30;
const WS2812_RESET_US = 280;

/** rpi-ws281x-native's surface with a render that does nothing: measures the driver's own work. */
function benchLibrary(): Ws281xModule {
  const lib = ((count: number) => ({ count, array: new Uint32Array(count) })) as unknown as Ws281xModule;
  lib.render = () => {};
  lib.reset = () => {};
  lib.finalize = () => {};
  return lib;
}

/** A Raspberry Pi 4's device-tree model and revision, so the driver's board check passes here. */
function benchBoard(dir: string): { model: string; cpuinfo: string } {
  const model = join(dir, 'model');
  const cpuinfo = join(dir, 'cpuinfo');
  writeFileSync(model, 'Raspberry Pi 4 Model B Rev 1.4\0');
  writeFileSync(cpuinfo, 'Revision\t: c03114\n');
  return { model, cpuinfo };
}

interface Candidate {
  name: string;
  driver: LedDriver;
  /** Bytes per frame on the wire (UDP payloads for network outputs). */
  bytes: number;
  /** Frames per second the medium itself allows, when it has a limit. */
  wireRate?: number;
  wireNote?: string;
}

/**
 * Per-frame cost of colour pipeline + layout + driver encoding (and the send for network
 * outputs, to 127.0.0.1 only), bytes per frame on the wire, and the highest loop rate each
 * output sustains here: the lower of what the CPU work allows and what the medium carries.
 */
export const outputsBench: BenchSection = {
  title: 'LED outputs: pipeline + layout + encoding per frame',
  async run(table: TableSetup, report: (figure: BenchFigure) => void) {
    const { layout } = table;
    const leds = layout.ledCount;
    const random = new Random(11);
    const canvas = new Uint8Array(layout.width * layout.height * 3);
    const mapper = new StripMapper(layout);
    const pipeline = new ColorPipeline({ brightness: 80 });
    const dir = mkdtempSync(join(tmpdir(), 'ledtable-bench-'));
    const tpm2Bytes = new Tpm2Encoder(leds).frameBytes;
    const baud = table.options.baud;
    // A receiver on 127.0.0.1 (never another host) so the sends are real.
    const receiver = createSocket('udp4');
    let received = 0;
    receiver.on('message', () => received++);
    await new Promise<void>((resolve) => receiver.bind(0, '127.0.0.1', resolve));
    const port = receiver.address().port;
    const ddp = new DdpDriver({ host: '127.0.0.1', port, ledCount: leds });
    const e131 = new E131Driver({ host: '127.0.0.1', port, ledCount: leds });
    const candidates: Candidate[] = [
      {
        name: 'ws281x',
        driver: new Ws281xDriver({
          ledCount: leds,
          load: async () => benchLibrary(),
          getuid: () => 0,
          board: benchBoard(dir),
        }),
        bytes: leds * 3,
        wireRate: 1e6 / (leds * WS2812_US_PER_LED + WS2812_RESET_US),
        wireNote: `${leds} LEDs × 30 µs + reset`,
      },
      {
        name: 'tpm2 (encode + write to /dev/null)',
        driver: new Tpm2FileDriver({ path: '/dev/null', ledCount: leds }),
        bytes: tpm2Bytes,
        wireRate: lineFramesPerSecond(baud, tpm2Bytes),
        wireNote: `${baud} baud, 10 bits per byte; USB CDC boards go faster`,
      },
      { name: 'ddp to 127.0.0.1', driver: ddp, bytes: new DdpEncoder(leds).frameBytes },
      { name: 'e131 to 127.0.0.1', driver: e131, bytes: new E131Encoder({ ledCount: leds }).frameBytes },
      {
        name: 'tpm2file (file)',
        driver: new Tpm2FileDriver({ path: join(dir, 'bench.tpm2'), ledCount: leds }),
        bytes: tpm2Bytes,
      },
    ];

    try {
      for (const c of candidates) {
        await c.driver.open();
        const samples: number[] = [];
        for (let i = 0; i < WARM_UP + MEASURED; i++) {
          for (let j = 0; j < canvas.length; j++) canvas[j] = random.int(256);
          const start = performance.now();
          const strip = mapper.map(canvas);
          pipeline.apply(strip);
          c.driver.show(strip);
          if (i >= WARM_UP) samples.push((performance.now() - start) * 1000);
          // Let send callbacks run, as the real loop does between ticks.
          if (i % 2 === 1) await new Promise((resolve) => setImmediate(resolve));
        }
        await c.driver.close();
        if (c.driver instanceof DdpDriver || c.driver instanceof E131Driver) {
          report({
            name: `${c.name}: frames dropped (both buffers in flight)`,
            value: c.driver.dropped,
            unit: 'frames',
          });
        }
        const cost = percentiles(samples);
        const cpuRate = 1e6 / cost.median;
        const rate = Math.min(cpuRate, c.wireRate ?? Number.POSITIVE_INFINITY);
        report({ name: `${c.name}: median`, value: round(cost.median), unit: 'µs' });
        report({ name: `${c.name}: p99`, value: round(cost.p99), unit: 'µs' });
        report({ name: `${c.name}: bytes per frame`, value: c.bytes, unit: 'bytes' });
        report({
          name: `${c.name}: highest loop rate`,
          value: Math.round(rate * 10) / 10,
          unit: 'frames/s',
          note:
            c.wireRate !== undefined && c.wireRate < cpuRate
              ? `wire: ${c.wireNote}`
              : 'CPU cost only; the loop itself stops at --fps 120',
        });
      }
      report({ name: 'UDP datagrams received on 127.0.0.1', value: received, unit: 'datagrams' });
    } finally {
      receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
