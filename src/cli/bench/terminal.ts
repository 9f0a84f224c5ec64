import { Random } from '../../engine/random.ts';
import { Canvas } from '../../gfx/canvas.ts';
import { TerminalDriver } from '../../output/terminal-driver.ts';
import type { BenchSection } from './section.ts';

/** Bytes the terminal simulator writes for an unchanged frame and for a frame where every pixel changed. */
export const terminalBench: BenchSection = {
  title: 'Terminal simulator output',
  async run(table, report) {
    for (const colors of ['truecolor', '256'] as const) {
      const stream = { columns: 100, rows: 40, isTTY: true, write: () => true };
      const driver = new TerminalDriver({
        stream,
        width: table.layout.width,
        height: table.layout.height,
        scale: 1,
        colors,
      });
      await driver.open();
      const canvas = new Canvas(table.layout.width, table.layout.height);
      const random = new Random(1);
      const fill = () => {
        for (let i = 0; i < canvas.pixels.length; i++) canvas.pixels[i] = random.int(256);
      };
      fill();
      driver.show(canvas.pixels);
      driver.show(canvas.pixels);
      report({ name: `${colors}: static frame`, value: driver.bytesLastFrame, unit: 'bytes' });
      fill();
      driver.show(canvas.pixels);
      report({ name: `${colors}: full-change frame`, value: driver.bytesLastFrame, unit: 'bytes' });
      await driver.close();
    }
  },
};
