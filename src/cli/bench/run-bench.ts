import type { CliIo } from '../io.ts';
import type { TableSetup } from '../table-setup.ts';
import { audioBench } from './audio.ts';
import { connect4Bench } from './connect4.ts';
import { effectsBench } from './effects.ts';
import { inputBench } from './input.ts';
import { isolationBench } from './isolation.ts';
import { loopBench } from './loop.ts';
import { memoryBench } from './memory.ts';
import { outputsBench } from './outputs.ts';
import { reachBench } from './reach.ts';
import type { BenchFigure, BenchSection } from './section.ts';
import { terminalBench } from './terminal.ts';
import { ticksBench } from './ticks.ts';
import { viewerBench } from './viewer.ts';
import { webBench } from './web.ts';

/** Every benchmark, in the order `ledtable bench` runs them. */
export const SECTIONS: readonly BenchSection[] = [
  ticksBench,
  isolationBench,
  effectsBench(),
  memoryBench,
  terminalBench,
  outputsBench,
  reachBench(),
  viewerBench,
  connect4Bench,
  audioBench,
  inputBench,
  loopBench,
  webBench,
];

/** Prints each figure as it is measured (or one JSON array at the end with --json). */
export async function runBench(table: TableSetup, io: CliIo, json = false, only?: string): Promise<number> {
  const figures: (BenchFigure & { section: string })[] = [];
  for (const section of SECTIONS) {
    if (only && !section.title.toLowerCase().includes(only.toLowerCase())) continue;
    if (!json) io.stdout.write(`\n${section.title}\n`);
    await section.run(table, (figure) => {
      figures.push({ section: section.title, ...figure });
      if (!json) {
        const note = figure.note ? `  (${figure.note})` : '';
        io.stdout.write(
          `  ${figure.name.padEnd(44)} ${String(figure.value).padStart(10)} ${figure.unit}${note}\n`,
        );
      }
    });
  }
  if (json) io.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  return 0;
}
