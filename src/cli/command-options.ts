import { defineOptions } from '../config/options.ts';

function checkKeyValue(value: string): string | undefined {
  const eq = value.indexOf('=');
  if (eq <= 0) return 'must look like key=value or game.key=value, e.g. viewer.path=/pics';
  const key = value.slice(0, eq);
  const dot = key.indexOf('.');
  if (dot === 0 || dot === key.length - 1)
    return 'must look like key=value or game.key=value (empty game or key)';
  return undefined;
}

/** The command line's own options: what to run and how (flags only, never in the config file). */
export const commandOptions = defineOptions('Command line', {
  players: {
    flag: '--players',
    type: 'int',
    default: 0,
    min: 0,
    max: 4,
    help: "Number of players for `play`; 0 = the game's minimum.",
    scope: 'cli',
  },
  seed: {
    flag: '--seed',
    type: 'int',
    default: undefined,
    min: 0,
    max: 4294967295,
    help: 'Seed for the random generator; absent = a fresh seed each run. Same seed + same input = same frames.',
    scope: 'cli',
  },
  config: {
    flag: '--config',
    type: 'string',
    default: '',
    arg: 'FILE',
    help: 'JSON config file (camelCase keys as listed here, plus "games": {"<id>": {key: value}}). Default: $LEDTABLE_CONFIG.',
    scope: 'cli',
  },
  set: {
    flag: '--set',
    type: 'list',
    default: [],
    arg: 'KEY=VALUE',
    split: false,
    check: checkKeyValue,
    help:
      'A setting or parameter of a game, repeatable: game.key=value, or key=value for the game being ' +
      'played. A key the game does not declare is an error that lists what it takes.',
    scope: 'cli',
  },
  headless: {
    flag: '--headless',
    type: 'bool',
    default: false,
    help: 'Run without an output and without real time (with --ticks).',
    scope: 'cli',
  },
  ticks: {
    flag: '--ticks',
    type: 'int',
    default: 0,
    min: 0,
    help: 'Headless: number of ticks to run (0 = only the first frame).',
    scope: 'cli',
  },
  inputs: {
    flag: '--inputs',
    type: 'string',
    default: '',
    arg: 'FILE',
    help: 'Headless: scripted input, a JSON array of {"tick", "player", "button", "down"}.',
    scope: 'cli',
  },
  dump: {
    flag: '--dump',
    type: 'bool',
    default: false,
    help: 'Headless: print the final frame as lines of rrggbb values.',
    scope: 'cli',
  },
  record: {
    flag: '--record',
    type: 'string',
    default: '',
    arg: 'FILE',
    help:
      'play: record the seed, choices and every button event to FILE (JSON) for `ledtable replay FILE`; ' +
      'a replay reproduces the run frame for frame (attach it to bug reports).',
    scope: 'cli',
  },
  watch: {
    flag: '--watch',
    type: 'bool',
    default: false,
    help:
      'Simulator: hot reload. Saving a file in a game folder reloads that game without restarting ' +
      '(the game played last restarts with the same players, settings and seed).',
    scope: 'cli',
  },
  json: {
    flag: '--json',
    type: 'bool',
    default: false,
    help: 'Machine-readable output for `list` and `bench`.',
    scope: 'cli',
  },
  debug: {
    flag: '--debug',
    type: 'bool',
    default: false,
    help: 'Verbose logging and stack traces on the terminal.',
    scope: 'cli',
  },
  service: {
    flag: '--service',
    type: 'bool',
    default: false,
    help: 'Running as the system service: the settings menu offers shut down and reboot (also when $INVOCATION_ID is set by systemd).',
    scope: 'cli',
  },
  version: {
    flag: '--version',
    type: 'bool',
    default: false,
    help: 'Print the version and exit.',
    scope: 'cli',
  },
  help: {
    flag: '--help',
    short: '-h',
    type: 'bool',
    default: false,
    help: 'Print this help and exit.',
    scope: 'cli',
  },
});
