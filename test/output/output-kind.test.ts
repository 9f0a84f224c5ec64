/**
 * "Adding an output" as docs/architecture.md describes it: a driver file declares its kind with
 * defineOutput, and one entry in a registry list makes it a --output value with its own options.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { colorOrderOptions } from '../../hardware/color-order.ts';
import { OUTPUTS } from '../../src/cli/outputs.ts';
import { formatHelp } from '../../src/config/help.ts';
import { collectSpecs, defineOptions } from '../../src/config/options.ts';
import { resolveOptionsWith } from '../../src/config/parse.ts';
import type { LedDriver } from '../../src/output/driver.ts';
import { layoutFromSpec } from '../../src/output/layout.ts';
import { defineOutput, outputRegistry } from '../../src/output/output-kind.ts';

/** The "new file in hardware/": a driver that keeps what it is shown. */
class FakeDriver implements LedDriver {
  readonly name = 'fake';
  readonly frames: Uint8Array[] = [];
  constructor(
    readonly host: string,
    readonly level: number,
    readonly order: string,
  ) {}
  async open(): Promise<void> {}
  show(frame: Readonly<Uint8Array>): void {
    this.frames.push(Uint8Array.from(frame));
  }
  async close(): Promise<void> {}
}
const fakeOptions = defineOptions('fake output', {
  fakeLevel: {
    flag: '--fake-level',
    type: 'int',
    default: 2,
    min: 1,
    max: 9,
    help: 'fake output: a level.',
    scope: 'config',
  },
});
const fakeOutput = defineOutput({
  name: 'fake',
  target: { syntax: 'HOST', example: 'fake:lamp.local' },
  note: 'a test double',
  options: [fakeOptions, colorOrderOptions],
  create: ({ target, options }) => new FakeDriver(target, options.fakeLevel, options.colorOrder),
});

/** The "one line": the shipped list plus the new kind. */
const registry = outputRegistry([...OUTPUTS.kinds, fakeOutput]);
const specs = collectSpecs(registry.groups);
const parse = (...argv: string[]) => resolveOptionsWith(specs, argv, {}, () => '{}');
const layout = layoutFromSpec('rows', 4, 2);
const stdout = { isTTY: false } as NodeJS.WriteStream;

test('a registered kind is a valid --output value and its options are flags and config keys', async () => {
  const r = parse('--output', 'fake:lamp.local,null', '--fake-level', '7', '--color-order', 'grb');
  assert.equal(r.problems, []);
  const drivers = await registry.create({ layout, options: r.options as never, stdout, env: {} });
  assert.equal(
    drivers.map((d) => d.name),
    ['fake', 'null'],
  );
  const fake = drivers[0] as FakeDriver;
  assert.equal([fake.host, fake.level, fake.order], ['lamp.local', 7, 'grb']);
});

test('the --output check and the "available" list come from the registry', async () => {
  assert.match(
    parse('--output', 'fake').problems[0]!,
    'fake: needs a target after the colon, e.g. fake:lamp.local',
  );
  assert.match(parse('--output', 'fake:').problems[0]!, 'needs a target');
  assert.match(parse('--output', 'null:x').problems[0]!, 'null takes no target');
  const unknown = parse('--output', 'lamp').problems[0]!;
  assert.match(unknown, 'must be one of auto, terminal, null, ws281x, tpm2:DEVICE');
  assert.match(unknown, 'fake:HOST');
  assert.match(parse('--fake-level', '12').problems[0]!, '--fake-level 12: must be an integer from 1 to 9');
  try {
    await registry.create({ layout, options: { output: ['lamp'] }, stdout, env: {} });
    assert.unreachable();
  } catch (error) {
    assert.match(
      (error as Error).message,
      'available: terminal, null, ws281x, tpm2, leds, ddp, e131, artnet, tpm2file, fake',
    );
  }
});

test('--help lists the kind in --output and its own group once (the shared colour order too)', () => {
  const help = formatHelp(registry.groups, [{ usage: 'ledtable', summary: 'menu' }]);
  assert.match(help, 'fake:HOST (a test double)');
  assert.match(help, 'fake output:');
  assert.match(help, '--fake-level N');
  assert.is(help.split('--color-order').length, 2, 'shared by four kinds, shown once');
});

test('without the line, the kind does not exist', () => {
  const shipped = collectSpecs(OUTPUTS.groups);
  const r = resolveOptionsWith(shipped, ['--output', 'fake:x', '--fake-level', '3'], {}, () => '{}');
  assert.equal(r.problems.length, 2);
});

test('two kinds with one name are refused when the list is built', () => {
  assert.throws(
    () => outputRegistry([...OUTPUTS.kinds, fakeOutput, fakeOutput]),
    /output kind "fake" is listed twice/,
  );
});

test('two groups declaring one flag is a programming error naming both', () => {
  const a = defineOptions('A', {
    x: { flag: '--x', type: 'bool', default: false, help: 'an x flag', scope: 'cli' },
  });
  const b = defineOptions('B', {
    y: { flag: '--x', type: 'bool', default: false, help: 'a y flag', scope: 'cli' },
  });
  assert.throws(() => collectSpecs([a, b]), /flag --x is declared twice: in "A" and in "B"/);
  assert.equal(
    collectSpecs([a, a]).map((s) => s.name),
    ['x'],
    'the same group twice counts once',
  );
});

test.run();
