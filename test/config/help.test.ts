import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OPTION_SPECS, optionsMarkdown, programHelp } from '../../src/cli/options.ts';
import { HELP_WIDTH } from '../../src/config/index.ts';

const commands = [
  { usage: 'ledtable', summary: 'menu on the configured output (the terminal by default)' },
  {
    usage: 'ledtable play <id> [--seed N] [--players N] [--headless --ticks N --dump]',
    summary: 'play one game',
  },
];

/** How help writes a flag: bools that default to true as --[no-]flag. */
const shown = (flag: string) => [flag, `--[no-]${flag.slice(2)}`];

test('--help mentions every flag, its config key and its default', () => {
  const help = programHelp(commands);
  for (const spec of OPTION_SPECS) {
    assert.ok(
      shown(spec.flag).some((f) => help.includes(f)),
      `${spec.flag} in help`,
    );
    if (spec.scope === 'config')
      assert.ok(help.includes(`config "${spec.name}"`), `${spec.name} key in help`);
  }
  assert.match(help, 'integer 1..120; default 60');
  assert.match(help, '--colors auto|truecolor|256');
  assert.match(help, '-h, --help');
  assert.match(help, 'ledtable play <id>');
});

test('--help lines fit in 100 columns and keysText comes last', () => {
  const help = programHelp(commands, 'arrows  move\nspace   A');
  for (const line of help.split('\n')) assert.ok(line.length <= HELP_WIDTH, `too long: ${line}`);
  assert.ok(help.trimEnd().endsWith('space   A'));
  assert.not.match(programHelp(commands), 'Keys:');
});

test('Markdown table: one row per option, pipes escaped', () => {
  const md = optionsMarkdown();
  const rows = md.trim().split('\n');
  assert.is(rows.length, OPTION_SPECS.length + 2);
  for (const spec of OPTION_SPECS)
    assert.ok(
      shown(spec.flag).some((f) => md.includes(f)),
      spec.flag,
    );
  for (const row of rows) assert.is(row.replace(/\\\|/g, '').split('|').length, 7, row);
  assert.match(md, '| `--fps N` | `fps` | integer 1..120 | `60` |');
});

test.run();
