/**
 * Smoke test of `ledtable bench`: the quick sections run on this machine and report finite
 * figures. (The real-time loop and the viewer's large-picture sections take tens of seconds and
 * are left to `ledtable bench` itself.)
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { connect4Bench } from '../../src/cli/bench/connect4.ts';
import { effectsBench } from '../../src/cli/bench/effects.ts';
import { outputsBench } from '../../src/cli/bench/outputs.ts';
import { reachBench } from '../../src/cli/bench/reach.ts';
import type { BenchFigure, BenchSection } from '../../src/cli/bench/section.ts';
import { terminalBench } from '../../src/cli/bench/terminal.ts';
import { defaultOptions } from '../../src/cli/options.ts';
import { prepareTable } from '../../src/cli/table-setup.ts';
import { MemoryLogger } from '../../src/engine/log.ts';

const table = await prepareTable(defaultOptions(), {}, new MemoryLogger());

for (const section of [terminalBench, outputsBench, reachBench(20), connect4Bench] as BenchSection[]) {
  test(`bench section "${section.title}" runs and reports finite figures`, async () => {
    const figures: BenchFigure[] = [];
    await section.run(table, (figure) => figures.push(figure));
    assert.ok(figures.length > 0);
    for (const figure of figures)
      assert.ok(Number.isFinite(figure.value), `${figure.name} = ${figure.value}`);
  });
}

test('the effects section reports a median and a p99 for each of the nine effects', async () => {
  const figures: BenchFigure[] = [];
  await effectsBench(5, 20).run(table, (figure) => figures.push(figure));
  assert.is(figures.length, 18);
  assert.ok(figures.some((f) => f.name === 'zoom p99'));
  for (const figure of figures) assert.ok(figure.value > 0 && Number.isFinite(figure.value), figure.name);
});

test.run();
