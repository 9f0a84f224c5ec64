import { type CliIo, UsageError } from '../io.ts';
import type { TableSetup } from '../table-setup.ts';
import { atRestBench } from './at-rest.ts';
import { audioBench } from './audio.ts';
import { connect4Bench } from './connect4.ts';
import { effectsBench } from './effects.ts';
import { inputBench } from './input.ts';
import { isolationBench } from './isolation.ts';
import { loopBench } from './loop.ts';
import { memoryBench } from './memory.ts';
import { outputsBench } from './outputs.ts';
import { pongBench } from './pong.ts';
import { reachBench } from './reach.ts';
import type { BenchFigure, BenchMode, BenchSection } from './section.ts';
import { startupBench } from './startup.ts';
import { terminalBench } from './terminal.ts';
import { ticksBench } from './ticks.ts';
import { tpm2RateBench } from './tpm2-rate.ts';
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
  pongBench,
  audioBench,
  inputBench,
  loopBench,
  webBench,
  startupBench,
  atRestBench,
  tpm2RateBench,
];

/**
 * Prints each figure as it is measured (or one JSON array at the end with --json). A section
 * that fails is reported on stderr and the others still run; the exit code is then 1. A WORD
 * that matches no section title is a usage mistake (exit 2) naming the sections.
 */
export async function runBench(
  table: TableSetup,
  io: CliIo,
  json = false,
  only?: string,
  mode: BenchMode = { quick: false },
  sections: readonly BenchSection[] = SECTIONS,
): Promise<number> {
  const chosen = sections.filter((s) => !only || s.title.toLowerCase().includes(only.toLowerCase()));
  if (chosen.length === 0) {
    const words = sections.map((s) => `  ${s.title}`).join('\n');
    throw new UsageError(`no bench section's title contains "${only}"; the sections are:\n${words}`);
  }
  const figures: (BenchFigure & { section: string })[] = [];
  let failed = 0;
  for (const section of chosen) {
    if (!json) io.stdout.write(`\n${section.title}\n`);
    try {
      await section.run(
        table,
        (figure) => {
          figures.push({ section: section.title, ...figure });
          if (!json) {
            const note = figure.note ? `  (${figure.note})` : '';
            io.stdout.write(
              `  ${figure.name.padEnd(44)} ${String(figure.value).padStart(10)} ${figure.unit}${note}\n`,
            );
          }
        },
        mode,
      );
    } catch (error) {
      failed++;
      io.stderr.write(`ledtable: bench section "${section.title}" failed: ${(error as Error).message}\n`);
    }
  }
  if (json) io.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}
