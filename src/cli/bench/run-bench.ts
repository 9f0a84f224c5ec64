import { type CliIo, UsageError } from '../io.ts';
import type { TableSetup } from '../table-setup.ts';
import { audioBench } from './audio.ts';
import { connect4Bench } from './connect4.ts';
import { effectsBench } from './effects.ts';
import { inputBench } from './input.ts';
import { loopBench } from './loop.ts';
import { memoryBench } from './memory.ts';
import { outputsBench } from './outputs.ts';
import { pongBench } from './pong.ts';
import { reachBench } from './reach.ts';
import type { BenchFigure, BenchSection } from './section.ts';
import { terminalBench } from './terminal.ts';
import { ticksBench } from './ticks.ts';
import { viewerBench } from './viewer.ts';
import { webBench } from './web.ts';

/** Every benchmark, in the order `ledtable bench` runs them. */
export const SECTIONS: readonly BenchSection[] = [
  ticksBench,
  effectsBench(),
  memoryBench,
  terminalBench,
  outputsBench,
  reachBench(),
  viewerBench,
  connect4Bench,
  pongBench,
  audioBench,
  inputBench,
  loopBench,
  webBench,
];

/** Prints each figure as it is measured (or one JSON array at the end with --json). */
export async function runBench(table: TableSetup, io: CliIo, json = false, only?: string): Promise<number> {
  const figures: (BenchFigure & { section: string })[] = [];
  const chosen = SECTIONS.filter(
    (section) => !only || section.title.toLowerCase().includes(only.toLowerCase()),
  );
  if (chosen.length === 0) {
    throw new UsageError(
      `bench ${only}: no section's title has "${only}"; sections: ${SECTIONS.map((s) => s.title).join('; ')}`,
    );
  }
  for (const section of chosen) {
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
