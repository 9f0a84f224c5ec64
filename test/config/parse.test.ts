import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultOptions, type Options, resolveOptions } from '../../src/cli/options.ts';

/** A fake filesystem: path → contents; other paths fail like a missing file. */
function files(contents: Record<string, string>) {
  return (path: string): string => {
    const text = contents[path];
    if (text === undefined)
      throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    return text;
  };
}
const noFiles = files({});

test('no arguments: every default, no problems', () => {
  const r = resolveOptions([], {}, noFiles);
  assert.equal(r.problems, []);
  assert.equal(r.command, []);
  assert.equal(r.options, defaultOptions());
  assert.is(r.options.fps, 60);
  assert.equal(r.options.output, ['auto']);
  assert.is(r.options.seed, undefined);
  assert.is(r.options.layout, 'columns,serpentine,top-left');
  assert.equal(r.gameParams, {});
});

test('defaultOptions returns fresh lists each time', () => {
  const a = defaultOptions();
  a.output.push('null');
  assert.equal(defaultOptions().output, ['auto']);
});

test('positionals and flags in any order; --flag value and --flag=value', () => {
  const r = resolveOptions(['play', '--fps', '30', 'tetris', '--brightness=40', '--seed', '7'], {}, noFiles);
  assert.equal(r.problems, []);
  assert.equal(r.command, ['play', 'tetris']);
  assert.is(r.options.fps, 30);
  assert.is(r.options.brightness, 40);
  assert.is(r.options.seed, 7);
});

test('everything after -- is positional', () => {
  const r = resolveOptions(['new', '--', '--fps'], {}, noFiles);
  assert.equal(r.problems, []);
  assert.equal(r.command, ['new', '--fps']);
});

test('bools: --flag, --no-flag, --flag=false, short -h', () => {
  assert.is(resolveOptions(['--json'], {}, noFiles).options.json, true);
  assert.is(resolveOptions(['--json', '--no-json'], {}, noFiles).options.json, false);
  assert.is(resolveOptions(['--json=false'], {}, noFiles).options.json, false);
  assert.is(resolveOptions(['-h'], {}, noFiles).options.help, true);
  const r = resolveOptions(['--headless', 'play'], {}, noFiles);
  assert.is(r.options.headless, true);
  assert.equal(r.command, ['play'], 'a bool never swallows the next word');
});

test('--no- on a non-bool and a value on --no-x are problems', () => {
  const r = resolveOptions(['--no-fps', '--no-json=true'], {}, noFiles);
  assert.is(r.problems.length, 2);
  assert.match(r.problems[0]!, '--no-fps');
  assert.match(r.problems[1]!, '--no-json=true');
});

test('lists: comma-separated and repeated flags accumulate; flags replace the config value', () => {
  const readFile = files({ '/c.json': '{"output": ["ws281x"]}' });
  const r = resolveOptions(
    ['--config', '/c.json', '--output', 'terminal,null', '--output', 'ddp:table.local'],
    {},
    readFile,
  );
  assert.equal(r.problems, []);
  assert.equal(r.options.output, ['terminal', 'null', 'ddp:table.local']);
  assert.equal(resolveOptions(['--config', '/c.json'], {}, readFile).options.output, ['ws281x']);
});

test('--set: game.key=value and key=value (stored under "*"), values typed', () => {
  const r = resolveOptions(
    [
      '--set',
      'viewer.path=/pics',
      '--set',
      'level=3',
      '--set',
      'wrap=true',
      '--set',
      'name=a,b=c',
      '--set',
      'code=007',
    ],
    {},
    noFiles,
  );
  assert.equal(r.problems, []);
  assert.equal(r.gameParams, {
    viewer: { path: '/pics' },
    '*': { level: 3, wrap: true, name: 'a,b=c', code: '007' },
  });
  assert.equal(r.options.set.length, 5);
});

test('--set without = is a problem', () => {
  const r = resolveOptions(['--set', 'level'], {}, noFiles);
  assert.is(r.problems.length, 1);
  assert.match(r.problems[0]!, /--set level: must look like key=value/);
});

test('config file values sit between defaults and flags', () => {
  const readFile = files({ '/c.json': '{"fps": 50, "brightness": 30, "colors": "256"}' });
  const r = resolveOptions(['--config', '/c.json', '--fps', '25'], {}, readFile);
  assert.equal(r.problems, []);
  assert.is(r.options.fps, 25, 'flag beats file');
  assert.is(r.options.brightness, 30, 'file beats default');
  assert.is(r.options.colors, '256');
  assert.is(r.options.width, 20, 'default when neither');
  assert.is(r.options.config, '/c.json');
});

test('config path from $LEDTABLE_CONFIG; --config wins over it', () => {
  const readFile = files({ '/env.json': '{"fps": 10}', '/flag.json': '{"fps": 20}' });
  assert.is(resolveOptions([], { LEDTABLE_CONFIG: '/env.json' }, readFile).options.fps, 10);
  assert.is(
    resolveOptions(['--config=/flag.json'], { LEDTABLE_CONFIG: '/env.json' }, readFile).options.fps,
    20,
  );
});

test('saved settings sit between the config file and flags', () => {
  const readFile = files({ '/c.json': '{"fps": 50, "brightness": 30}' });
  const saved: Partial<Options> = { brightness: 70, idle: 0 };
  const r = resolveOptions(['--config', '/c.json', '--idle', '5'], {}, readFile, saved);
  assert.equal(r.problems, []);
  assert.is(r.options.fps, 50);
  assert.is(r.options.brightness, 70, 'saved beats file');
  assert.is(r.options.idle, 5, 'flag beats saved');
});

test('three bad flags give three messages at once, each naming flag, value, range and key', () => {
  const r = resolveOptions(['--fps', '500', '--colors', 'rgb', '--width=wide'], {}, noFiles);
  assert.equal(r.problems, [
    '--fps 500: must be an integer from 1 to 120 (config key "fps")',
    '--colors rgb: must be one of auto, truecolor, 256 (config key "colors")',
    '--width wide: must be an integer from 1 to 256 (config key "width")',
  ]);
  assert.is(r.options.fps, 60, 'a bad value leaves the default');
});

test('every kind of bad value is reported', () => {
  const r = resolveOptions(
    [
      '--fps',
      '2.5',
      '--seed',
      '-1',
      '--seed',
      '4294967296',
      '--json=maybe',
      '--output',
      'hdmi',
      '--output',
      'tpm2:',
      '--ticks',
    ],
    {},
    noFiles,
  );
  assert.is(r.problems.length, 7, r.problems.join('\n'));
  assert.match(r.problems[1]!, '(command line only)');
  assert.match(r.problems[3]!, '--json=maybe: must be true or false');
  assert.match(r.problems[4]!, '--output hdmi: must be one of auto, terminal, null, ws281x, tpm2:DEVICE');
  assert.match(r.problems[5]!, 'needs a target');
  assert.match(r.problems[6]!, '--ticks needs a value');
});

test('unknown flags suggest the closest one and do not swallow positionals wrongly', () => {
  const r = resolveOptions(
    ['--fsp', '30', '--brigthness=5', '--data_dir', '/x', '--zzzzzz', 'play'],
    {},
    noFiles,
  );
  assert.is(r.problems.length, 4);
  assert.match(r.problems[0]!, '--fsp: unknown option; did you mean --fps?');
  assert.match(r.problems[1]!, 'did you mean --brightness?');
  assert.match(r.problems[2]!, 'did you mean --data-dir?');
  assert.not.match(r.problems[3]!, 'did you mean');
  assert.equal(r.command, ['play']);
});

test('config file: unknown keys suggested, cli-only keys refused, bad values name the flag', () => {
  const readFile = files({
    '/c.json': '{"fsp": 30, "brightness": 300, "seed": 4, "data-dir": "/d", "output": [1], "$schema": "x"}',
  });
  const r = resolveOptions(['--config', '/c.json'], {}, readFile);
  assert.equal(r.problems, [
    'config file /c.json: unknown key "fsp"; did you mean "fps"?',
    'config file /c.json: "brightness": 300: must be an integer from 0 to 100 (flag --brightness)',
    'config file /c.json: "seed" can only be given on the command line (--seed)',
    'config file /c.json: unknown key "data-dir"; did you mean "dataDir"?',
    'config file /c.json: "output": [1]: must be an array of strings or a comma-separated string (flag --output)',
  ]);
});

test('config file: invalid JSON names the file and the position', () => {
  const readFile = files({ '/bad.json': '{\n  "fps": 30,\n}' });
  const r = resolveOptions(['--config', '/bad.json'], {}, readFile);
  assert.is(r.problems.length, 1);
  assert.match(r.problems[0]!, 'config file /bad.json is not valid JSON');
  assert.match(r.problems[0]!, /line 3/);
});

test('config file: missing file and non-object are problems, not exceptions', () => {
  const r1 = resolveOptions(['--config', '/missing.json'], {}, noFiles);
  assert.match(r1.problems[0]!, 'config file /missing.json: cannot read it (the file does not exist)');
  const r2 = resolveOptions(['--config', '/a.json'], {}, files({ '/a.json': '[1,2]' }));
  assert.match(r2.problems[0]!, 'must be a JSON object');
});

test('config file: games params validated and merged with --set (flag wins)', () => {
  const readFile = files({
    '/c.json': JSON.stringify({
      games: { viewer: { path: '/a', interval: 5, shuffle: true }, snake: { bad: [1] }, pong: 3 },
    }),
  });
  const r = resolveOptions(['--config', '/c.json', '--set', 'viewer.path=/b'], {}, readFile);
  assert.equal(r.gameParams, { viewer: { path: '/b', interval: 5, shuffle: true } });
  assert.is(r.problems.length, 2);
  assert.match(r.problems[0]!, '"games.snake.bad"');
  assert.match(r.problems[1]!, '"games.pong" must be an object');
  const r2 = resolveOptions(['--config', '/c2.json'], {}, files({ '/c2.json': '{"games": []}' }));
  assert.match(r2.problems[0]!, '"games" must be an object');
});

test('saved settings are validated too', () => {
  const r = resolveOptions([], {}, noFiles, { fps: 0, seed: 3 } as Partial<Options>);
  assert.is(r.problems.length, 2);
  assert.match(r.problems[0]!, 'saved settings: "fps": 0');
  assert.is(r.options.fps, 60);
});

test.run();
