import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtNetEncoder } from '../../../hardware/artnet.ts';
import { DdpEncoder } from '../../../hardware/ddp.ts';
import { E131Encoder } from '../../../hardware/e131.ts';
import { LedsDeviceDriver } from '../../../hardware/leds-device.ts';
import { ArtNetDecoder } from '../../../hardware/receivers/artnet-in.ts';
import { DdpDecoder } from '../../../hardware/receivers/ddp-in.ts';
import type { FrameDecoder } from '../../../hardware/receivers/decoder.ts';
import { E131Decoder } from '../../../hardware/receivers/e131-in.ts';
import { TPM2NET_START, Tpm2NetDecoder } from '../../../hardware/receivers/tpm2net-in.ts';
import { Random } from '../../engine/random.ts';
import { compileLayout, DEFAULT_LAYOUT } from '../../output/layout.ts';
import { NullDriver } from '../../output/null-driver.ts';
import { PixelFormat } from '../../output/pixel-format.ts';
import { gatherRegion, SliceDriver } from '../../output/slice-driver.ts';
import { WhiteExtractor } from '../../output/white.ts';
import type { TableSetup } from '../table-setup.ts';
import { type BenchFigure, type BenchSection, percentiles } from './section.ts';

/** LED counts the figures are taken at: the 20×15 table, a 40×30 wall, a 64×64 wall. */
export const REACH_SIZES = [300, 1200, 4096] as const;

/** Median and p99 in µs of `run`, after a warm-up. */
function time(run: () => void, samples: number): { median: number; p99: number } {
  for (let i = 0; i < Math.min(200, samples); i++) run();
  const us: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    run();
    us.push((performance.now() - start) * 1000);
  }
  const { median, p99 } = percentiles(us);
  return { median: Math.round(median * 100) / 100, p99: Math.round(p99 * 100) / 100 };
}

/** TPM2.NET packets of one frame: 1 of n, 2 of n… at most 1488 bytes of data each. */
function tpm2netPackets(frame: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const size = 1488;
  const total = Math.ceil(frame.length / size);
  for (let n = 0; n < total; n++) {
    const data = frame.subarray(n * size, (n + 1) * size);
    const p = new Uint8Array(7 + data.length);
    p.set([TPM2NET_START, 0xda, data.length >> 8, data.length & 255, n + 1, total]);
    p.set(data, 6);
    p[6 + data.length] = 0x36;
    chunks.push(p);
  }
  return chunks;
}

/**
 * Cost per frame of each output's encoding at 300, 1,200 and 4,096 LEDs (it should grow
 * linearly), and of the network receivers turning one incoming frame's datagrams into a frame.
 * No sockets: the encoders and decoders alone (`leds:` writes to /dev/null).
 */
export function reachBench(samples = 2000): BenchSection {
  return {
    title: 'Outputs and receivers by LED count (encode / decode per frame)',
    async run(_table: TableSetup, report: (figure: BenchFigure) => void) {
      const random = new Random(16);
      const dir = mkdtempSync(join(tmpdir(), 'ledtable-reach-'));
      try {
        for (const leds of REACH_SIZES) {
          const frame = new Uint8Array(leds * 3).map(() => random.int(256));
          const rgbw = () => new PixelFormat('grbw', new WhiteExtractor('min'));
          const ddp = new DdpEncoder(leds);
          const ddpW = new DdpEncoder(leds, rgbw());
          const e131 = new E131Encoder({ ledCount: leds });
          const e131W = new E131Encoder({ ledCount: leds, format: rgbw() });
          const artnet = new ArtNetEncoder({ ledCount: leds });
          const ledsFile = join(dir, `leds-${leds}`);
          writeFileSync(ledsFile, '');
          const device = new LedsDeviceDriver({ path: '/dev/null', ledCount: leds });
          await device.open();
          // A quarter of a square-ish canvas as one output's region (the 4-controller wall).
          const width = leds === 300 ? 20 : leds === 1200 ? 40 : 64;
          const height = leds / width;
          const table = compileLayout(width, height, DEFAULT_LAYOUT);
          const quarter = { x: 0, y: 0, width: width / 2, height: Math.floor(height / 2) };
          const slice = new SliceDriver(
            new NullDriver(),
            gatherRegion(table, quarter, compileLayout(quarter.width, quarter.height, DEFAULT_LAYOUT)),
          );
          const encoders: [string, () => void][] = [
            ['ddp', () => ddp.encode(frame, 1)],
            ['ddp rgbw (min)', () => ddpW.encode(frame, 1)],
            ['e131', () => e131.encode(frame, 1)],
            ['e131 rgbw (min)', () => e131W.encode(frame, 1)],
            ['artnet + sync', () => artnet.encode(frame, 1)],
            ['leds: write to /dev/null', () => device.show(frame)],
            ['region slice (¼ canvas)', () => slice.show(frame)],
          ];
          for (const [name, run] of encoders) {
            const t = time(run, samples);
            report({ name: `${name} @ ${leds} LEDs: median`, value: t.median, unit: 'µs' });
            report({ name: `${name} @ ${leds} LEDs: p99`, value: t.p99, unit: 'µs' });
          }
          await device.close();

          ddp.encode(frame, 1);
          e131.encode(frame, 1);
          artnet.encode(frame, 1);
          const incoming: [FrameDecoder, readonly Uint8Array[]][] = [
            [new DdpDecoder(), ddp.packets],
            [new E131Decoder(leds), e131.packets],
            [new ArtNetDecoder(leds), artnet.packets],
            [new Tpm2NetDecoder(), tpm2netPackets(frame)],
          ];
          const building = new Uint8Array(leds * 3);
          const shown = new Uint8Array(leds * 3);
          for (const [decoder, packets] of incoming) {
            const t = time(() => {
              for (const p of packets) if (decoder.decode(p, building)?.complete) shown.set(building);
            }, samples);
            report({
              name: `receive ${decoder.protocol} @ ${leds} LEDs: median`,
              value: t.median,
              unit: 'µs',
            });
            report({ name: `receive ${decoder.protocol} @ ${leds} LEDs: p99`, value: t.p99, unit: 'µs' });
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
