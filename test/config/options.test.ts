import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultOptions, OPTION_SPECS, type Options } from '../../src/cli/options.ts';

// Type-level checks: these lines stop compiling (tsc --noEmit) if the derived type goes wrong.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(_check?: T): void => {};
expectType<Equal<Options['fps'], number>>();
expectType<Equal<Options['output'], string[]>>();
expectType<Equal<Options['colors'], 'auto' | 'truecolor' | '256'>>();
expectType<Equal<Options['json'], boolean>>();
expectType<Equal<Options['layout'], string>>();
expectType<Equal<Options['seed'], number | undefined>>();

test('Options derived from the table accepts a well-typed object', () => {
  const options: Options = { ...defaultOptions(), fps: 30, colors: 'truecolor', output: ['null'], seed: 1 };
  // @ts-expect-error: not one of the enum values
  const wrongEnum: Options['colors'] = 'rgb';
  // @ts-expect-error: fps is a number
  const wrongNumber: Options['fps'] = '60';
  assert.is(options.fps, 30);
  assert.ok(wrongEnum && wrongNumber);
});

test('the table is consistent: unique names and flags, defaults within range', () => {
  const names = new Set(OPTION_SPECS.map((o) => o.name));
  const flags = new Set(OPTION_SPECS.map((o) => o.flag));
  assert.is(names.size, OPTION_SPECS.length);
  assert.is(flags.size, OPTION_SPECS.length);
  for (const spec of OPTION_SPECS) {
    assert.ok(/^[a-z][a-zA-Z0-9]*$/.test(spec.name), `${spec.name} is camelCase`);
    assert.ok(/^--[a-z][a-z0-9-]*$/.test(spec.flag), `${spec.flag} is kebab-case`);
    assert.ok(spec.help.length > 10, `${spec.name} has help`);
    const d = spec.default;
    if (typeof d === 'number') {
      assert.ok(spec.type === 'int' || spec.type === 'number', `${spec.name}: number default`);
      assert.ok(spec.min === undefined || d >= spec.min, `${spec.name}: default ≥ min`);
      assert.ok(spec.max === undefined || d <= spec.max, `${spec.name}: default ≤ max`);
    }
    if (spec.type === 'enum')
      assert.ok(spec.values?.includes(d as string), `${spec.name}: default in values`);
    if (spec.type === 'list') assert.ok(Array.isArray(d), `${spec.name}: list default`);
    if (spec.type === 'bool') assert.is(typeof d, 'boolean');
    if (spec.type === 'string') assert.is(typeof d, 'string');
  }
});

test.run();
