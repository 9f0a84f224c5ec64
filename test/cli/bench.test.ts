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
import { runBench } from '../../src/cli/bench/run-bench.ts';
import type { BenchFigure, BenchSection } from '../../src/cli/bench/section.ts';
import { terminalBench } from '../../src/cli/bench/terminal.ts';
import { UsageError } from '../../src/cli/io.ts';
import { defaultOptions } from '../../src/cli/options.ts';
import { prepareTable } from '../../src/cli/table-setup.ts';
import { MemoryLogger } from '../../src/engine/log.ts';

const table = await prepareTable(defaultOptions(), {}, new MemoryLogger());

for (const section of [terminalBench, outputsBench, reachBench(20), connect4Bench] as BenchSection[]) {
  test(`bench section "${section.title}" runs and reports finite figures`, async () => {
    const figures: BenchFigure[] = [];
    await section.run(table, (figure) => figures.push(figure), { quick: true });
    assert.ok(figures.length > 0);
    for (const figure of figures)
      assert.ok(Number.isFinite(figure.value), `${figure.name} = ${figure.value}`);
  });
}

test('a failing section is reported on stderr, the others still print their JSON, exit 1; an unknown WORD is a usage error', async () => {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) =>
    ({
      write: (s: string) => {
        write(s);
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const io = {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    stdin: process.stdin,
    env: {},
  };
  const broken: BenchSection = {
    title: 'Broken section',
    run: async () => {
      throw new Error("Cannot find module 'viewer-memory.ts'");
    },
  };
  const fine: BenchSection = {
    title: 'Fine section',
    run: async (_t, report) => report({ name: 'answer', value: 42, unit: '' }),
  };
  const code = await runBench(table, io, true, undefined, { quick: true }, [broken, fine]);
  assert.is(code, 1);
  assert.match(err, /bench section "Broken section" failed: Cannot find module/);
  assert.equal(JSON.parse(out), [{ section: 'Fine section', name: 'answer', value: 42, unit: '' }]);
  try {
    await runBench(table, io, true, 'nothing', { quick: true }, [broken, fine]);
    assert.unreachable('an unknown word ran nothing and succeeded');
  } catch (error) {
    assert.instance(error, UsageError);
    assert.match((error as Error).message, /no bench section's title contains "nothing"[\s\S]*Fine section/);
  }
});

test('the effects section reports a median and a p99 for each of the nine effects', async () => {
  const figures: BenchFigure[] = [];
  await effectsBench(5, 20).run(table, (figure) => figures.push(figure), { quick: true });
  assert.is(figures.length, 18);
  assert.ok(figures.some((f) => f.name === 'zoom p99'));
  for (const figure of figures) assert.ok(figure.value > 0 && Number.isFinite(figure.value), figure.name);
});

test.run();
