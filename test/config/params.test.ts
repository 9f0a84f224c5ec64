import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gameOptionGroups, withFlaggedParams } from '../../src/cli/game-options.ts';
import { programHelp, resolveOptions } from '../../src/cli/options.ts';
import { checkGameParams, type ParamOwner } from '../../src/config/params.ts';
import { runCli } from '../helpers/run-cli.ts';

const clock: ParamOwner = {
  id: 'clock',
  title: 'Clock',
  settings: { face: { label: 'FACE', values: ['ROUND', 'DIGITAL'] } },
  params: {
    hour12: { type: 'bool', help: 'Twelve-hour dial.' },
    speed: { type: 'number', min: 0.5, max: 4, help: 'Hands speed.' },
    zone: { type: 'enum', values: ['utc', 'local'], help: 'Time zone.' },
    dirs: { type: 'list', split: false, flag: '--clock-dir', default: [], help: 'Folders of faces.' },
  },
};

test('declared params are typed; settings pass through; ids of other folders are left alone', () => {
  const { params, problems } = checkGameParams([clock], {
    clock: { hour12: 'yes', speed: '1.5', zone: 'utc', face: 'DIGITAL' },
    elsewhere: { anything: 1 },
  });
  assert.equal(problems, []);
  assert.equal(params.clock, { hour12: true, speed: 1.5, zone: 'utc', face: 'DIGITAL' });
  assert.equal(params.elsewhere, { anything: 1 });
});

test('a misspelled key names the game, the nearest key and everything it takes', () => {
  const { problems } = checkGameParams([clock], { clock: { sped: 2 } });
  assert.equal(problems, [
    'clock.sped=2: clock has no parameter "sped"; did you mean "speed"? (clock takes: face (setting), hour12, speed, zone, dirs)',
  ]);
});

test('bad values say what is allowed; every problem is listed', () => {
  const { problems } = checkGameParams([clock], { clock: { speed: 9, zone: 'mars', hour12: 'perhaps' } });
  assert.equal(problems, [
    'clock.speed=9: must be a number from 0.5 to 4 (parameter "speed" of clock)',
    'clock.zone=mars: must be one of utc, local (parameter "zone" of clock)',
    'clock.hour12=perhaps: must be true or false (parameter "hour12" of clock)',
  ]);
});

test("'*' (the game being played) is checked against that game only", () => {
  assert.equal(checkGameParams([], { '*': { lvl: 5 } }).problems, []);
  assert.match(
    checkGameParams([], { '*': { lvl: 5 } }, clock).problems[0]!,
    /^--set lvl=5: clock has no parameter "lvl"/,
  );
});

test('a flagged param is a flag and a config key; its value reaches the game unless games.<id> names one', () => {
  const groups = gameOptionGroups([clock]);
  assert.equal(
    groups.map((g) => g.specs.map((s) => s.flag)),
    [['--clock-dir']],
  );
  const r = resolveOptions(['--clock-dir', '/a', '--clock-dir', '/b'], {}, () => '{}', undefined, groups);
  assert.equal(r.problems, []);
  assert.equal(withFlaggedParams([clock], r.options, r.gameParams).clock, { dirs: `/a${delimiter}/b` });
  const set = resolveOptions(
    ['--clock-dir', '/a', '--set', 'clock.dirs=/c'],
    {},
    () => '{}',
    undefined,
    groups,
  );
  assert.equal(withFlaggedParams([clock], set.options, set.gameParams).clock, { dirs: '/c' });
  const unknown = resolveOptions(['--clock-dir', '/a'], {}, () => '{}');
  assert.match(unknown.problems[0]!, '--clock-dir: unknown option');
});

test("--help lists each game's settings and unflagged params; flagged ones are with the options", () => {
  const help = programHelp([{ usage: 'ledtable', summary: 'menu' }], undefined, gameOptionGroups([clock]), [
    clock,
  ]);
  assert.match(help, 'clock.face=ROUND|DIGITAL');
  assert.match(help, /clock\.speed=N +Hands speed\. \[number 0\.5\.\.4\]/);
  assert.match(help, /Clock \(games\/clock; also "games\.clock" in the config file\):\n {2}--clock-dir TEXT/);
  assert.not.match(help, 'clock.dirs=');
});

const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-params-'));

test('ledtable: --set with a key the game does not take exits 2 naming its params', async () => {
  const { code, err } = await runCli(dataDir, 'play', 'tetris', '--headless', '--set', 'lvl=5');
  assert.is(code, 2);
  assert.match(err, 'tetris has no parameter "lvl"');
  assert.match(err, 'level (setting)');
  const bad = await runCli(dataDir, 'list', '--set', 'viewer.interval=soon');
  assert.is(bad.code, 2);
  assert.match(bad.err, 'viewer.interval=soon: must be a number from 0.5 to 86400');
});

test('ledtable: the viewer still takes --path and --interval, and the config file games.viewer', async () => {
  const config = join(dataDir, 'config.json');
  writeFileSync(config, JSON.stringify({ interval: 3, games: { viewer: { fit: 'fill' } } }));
  const ok = await runCli(dataDir, 'list', '--config', config, '--path', '/pics', '--shuffle');
  assert.is(ok.code, 0, ok.err);
  const typo = await runCli(dataDir, 'list', '--config', config, '--intervall', '3');
  assert.is(typo.code, 2);
  assert.match(typo.err, 'did you mean --interval?');
});

test.run();
