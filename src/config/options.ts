/**
 * The one table of every option. Parsing (flags and config file), validation, `--help` and the
 * README table are all derived from it: adding an option means appending one entry here.
 *
 * - `name`: the camelCase key in the config file and in the resolved `Options` object.
 * - `scope`: 'config' = accepted in the config file and as a flag; 'cli' = flag only.
 * - `default: undefined` (int/number only) makes the option optional: its value is
 *   `number | undefined`, and undefined means "not given".
 * - `check`: extra validation of one value (one list item for lists); returns what is allowed
 *   when the value is wrong, undefined when it is fine.
 */

export type OptionType = 'int' | 'number' | 'string' | 'enum' | 'bool' | 'list';
export type OptionScope = 'config' | 'cli';

export interface OptionSpec {
  readonly name: string;
  /** Long flag, e.g. '--fps'. Bools also accept '--no-<flag>'. */
  readonly flag: `--${string}`;
  readonly short?: `-${string}`;
  readonly type: OptionType;
  readonly default: number | string | boolean | readonly string[] | undefined;
  /** Inclusive bounds for int/number. */
  readonly min?: number;
  readonly max?: number;
  /** Allowed values for enum. */
  readonly values?: readonly string[];
  /** Placeholder shown in --help, e.g. 'FILE' (defaults to one derived from the type). */
  readonly arg?: string;
  /** Lists only: whether a comma separates items inside one value (default true). */
  readonly split?: boolean;
  readonly check?: (value: string) => string | undefined;
  readonly help: string;
  readonly scope: OptionScope;
}

import { parseLayoutSpec } from '../output/layout.ts';

/** Strip types rpi-ws281x-native knows (the type sets the colour order on the wire). */
export const WS281X_STRIP_TYPES = [
  'ws2812',
  'sk6812',
  'ws2811-rgb',
  'ws2811-rbg',
  'ws2811-grb',
  'ws2811-gbr',
  'ws2811-brg',
  'ws2811-bgr',
] as const;

const OUTPUT_WORDS = ['auto', 'terminal', 'null', 'ws281x'];
const OUTPUT_PREFIXES = ['tpm2:', 'ddp:', 'e131:', 'tpm2file:'];
const OUTPUT_EXAMPLES: Readonly<Record<string, string>> = {
  'tpm2:': 'tpm2:/dev/ttyACM0',
  'ddp:': 'ddp:192.168.1.50',
  'e131:': 'e131:192.168.1.50',
  'tpm2file:': 'tpm2file:run.tpm2',
};

function checkOutput(value: string): string | undefined {
  if (OUTPUT_WORDS.includes(value)) return undefined;
  const prefix = OUTPUT_PREFIXES.find((p) => value.startsWith(p));
  if (prefix && value.length > prefix.length) return undefined;
  if (prefix) return `${prefix} needs a target after the colon, e.g. ${OUTPUT_EXAMPLES[prefix]}`;
  return `must be one of ${OUTPUT_WORDS.join(', ')}, tpm2:DEVICE, ddp:HOST[:PORT], e131:HOST[:PORT], tpm2file:FILE.tpm2`;
}

const BUTTON_WORDS = 'up|down|left|right|a|b|start|back';
const CODE_WORD = '(?:[A-Za-z][A-Za-z0-9_]*|\\d+|0x[0-9a-fA-F]+)';

function checkPadPlayer(value: string): string | undefined {
  return /^.+=[1-4]$/.test(value) ? undefined : 'must look like NAME=N with N from 1 to 4, e.g. Xbox=1';
}

function checkPadMap(value: string): string | undefined {
  const pairs = new RegExp(`^[^=]+=${CODE_WORD}:(?:${BUTTON_WORDS})(?:,${CODE_WORD}:(?:${BUTTON_WORDS}))*$`);
  return pairs.test(value.replaceAll(' ', ''))
    ? undefined
    : `must look like NAME=BTN_EAST:a,BTN_SOUTH:b (buttons: ${BUTTON_WORDS.replaceAll('|', ', ')})`;
}

function checkKeyMap(value: string): string | undefined {
  return new RegExp(`^${CODE_WORD}=[1-4]:(?:${BUTTON_WORDS})$`).test(value)
    ? undefined
    : 'must look like KEY_J=2:left (key code, player 1-4, button)';
}

function checkLayout(value: string): string | undefined {
  try {
    parseLayoutSpec(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function checkKeyValue(value: string): string | undefined {
  const eq = value.indexOf('=');
  if (eq <= 0) return 'must look like key=value or game.key=value, e.g. viewer.path=/pics';
  const key = value.slice(0, eq);
  const dot = key.indexOf('.');
  if (dot === 0 || dot === key.length - 1)
    return 'must look like key=value or game.key=value (empty game or key)';
  return undefined;
}

export const OPTIONS = [
  {
    name: 'output',
    flag: '--output',
    type: 'list',
    default: ['auto'],
    arg: 'OUT',
    check: checkOutput,
    help:
      'Where frames go. `auto` = the terminal when stdout is a TTY, else null; others: terminal, null, ' +
      'ws281x, tpm2:DEVICE (serial), ddp:HOST[:PORT], e131:HOST[:PORT] (network, e.g. WLED), ' +
      'tpm2file:FILE.tpm2 (a recording). Comma-separated or repeated for several outputs at once.',
    scope: 'config',
  },
  {
    name: 'fps',
    flag: '--fps',
    type: 'int',
    default: 60,
    min: 1,
    max: 120,
    help: 'Loop rate in ticks (and frames) per second.',
    scope: 'config',
  },
  {
    name: 'brightness',
    flag: '--brightness',
    type: 'int',
    default: 100,
    min: 0,
    max: 100,
    help: 'LED brightness in percent (the current limiter may lower it further).',
    scope: 'config',
  },
  {
    name: 'gamma',
    flag: '--gamma',
    type: 'number',
    default: 2.2,
    min: 1,
    max: 4,
    help: 'Gamma correction of LED outputs; 1 = off (for pre-corrected content such as some recordings).',
    scope: 'config',
  },
  {
    name: 'powerBudget',
    flag: '--power-budget',
    type: 'int',
    default: 8000,
    min: 0,
    max: 1000000,
    arg: 'MA',
    help:
      'Current limit of the whole strip in mA: each frame is dimmed so its estimate stays below it ' +
      '(8000 suits a 5 V 10 A supply with margin); 0 = no limit.',
    scope: 'config',
  },
  {
    name: 'channelMilliamps',
    flag: '--channel-ma',
    type: 'number',
    default: 20,
    min: 0.1,
    max: 100,
    arg: 'MA',
    help: 'Power estimate: current of one LED colour channel at full value, in mA (WS2812: about 20).',
    scope: 'config',
  },
  {
    name: 'idleMilliamps',
    flag: '--idle-ma',
    type: 'number',
    default: 1,
    min: 0,
    max: 10,
    arg: 'MA',
    help: 'Power estimate: current of one dark LED, in mA (WS2812: about 1).',
    scope: 'config',
  },
  {
    name: 'colorOrder',
    flag: '--color-order',
    type: 'enum',
    default: 'rgb',
    values: ['rgb', 'rbg', 'grb', 'gbr', 'brg', 'bgr'],
    help:
      'Byte order of each LED for tpm2, ddp, e131 and record outputs (match the controller; ws281x ' +
      'uses --ws281x-strip instead).',
    scope: 'config',
  },
  {
    name: 'ws281xGpio',
    flag: '--ws281x-gpio',
    type: 'int',
    default: 18,
    min: 0,
    max: 53,
    arg: 'PIN',
    help: 'ws281x output: GPIO (BCM number) of the data line: 18 or 12 (PWM), 21 (PCM), 10 (SPI).',
    scope: 'config',
  },
  {
    name: 'ws281xStrip',
    flag: '--ws281x-strip',
    type: 'enum',
    default: 'ws2812',
    values: WS281X_STRIP_TYPES,
    help: 'ws281x output: strip type, which sets the colour order on the wire (WS2812 and SK6812 are GRB).',
    scope: 'config',
  },
  {
    name: 'ws281xInvert',
    flag: '--ws281x-invert',
    type: 'bool',
    default: false,
    help: 'ws281x output: invert the data signal (for an inverting level shifter such as a single transistor).',
    scope: 'config',
  },
  {
    name: 'baud',
    flag: '--baud',
    type: 'int',
    default: undefined,
    min: 300,
    max: 12000000,
    help:
      'tpm2 serial output: pace frames by this line speed in baud (frames are dropped to the newest when ' +
      'the line is full). Not given: a USB CDC board (ttyACM*) is paced by write completion, a UART ' +
      '(ttyUSB*, ttyAMA*, ttyS*) by 115200 baud; the log says which.',
    scope: 'config',
  },
  {
    name: 'e131Universe',
    flag: '--e131-universe',
    type: 'int',
    default: 1,
    min: 1,
    max: 63999,
    arg: 'N',
    help: 'e131 output: first universe (170 LEDs per universe, so 300 LEDs use this one and the next).',
    scope: 'config',
  },
  {
    name: 'e131Priority',
    flag: '--e131-priority',
    type: 'int',
    default: 100,
    min: 0,
    max: 200,
    help: 'e131 output: sACN priority (receivers follow the highest-priority source).',
    scope: 'config',
  },
  {
    name: 'width',
    flag: '--width',
    type: 'int',
    default: 20,
    min: 1,
    max: 256,
    help: 'Table width in pixels.',
    scope: 'config',
  },
  {
    name: 'height',
    flag: '--height',
    type: 'int',
    default: 15,
    min: 1,
    max: 256,
    help: 'Table height in pixels.',
    scope: 'config',
  },
  {
    name: 'layout',
    flag: '--layout',
    type: 'string',
    default: 'columns,serpentine,top-left',
    arg: 'SPEC',
    check: checkLayout,
    help:
      'How the LED strip is wired, as comma-separated words (the default: the strip runs in columns, ' +
      'zigzag, from the top-left corner); or map:FILE for an explicit LED map.',
    scope: 'config',
  },
  {
    name: 'scale',
    flag: '--scale',
    type: 'int',
    default: 0,
    min: 0,
    max: 8,
    help: 'Terminal simulator: character cells per LED; 0 = fit the terminal.',
    scope: 'config',
  },
  {
    name: 'colors',
    flag: '--colors',
    type: 'enum',
    default: 'auto',
    values: ['auto', 'truecolor', '256'],
    help: 'Terminal colour mode; auto detects it from the environment.',
    scope: 'config',
  },
  {
    name: 'dataDir',
    flag: '--data-dir',
    type: 'string',
    default: '',
    arg: 'DIR',
    help: 'Settings, high scores and the log. Empty = $XDG_STATE_HOME/ledtable or ~/.local/state/ledtable.',
    scope: 'config',
  },
  {
    name: 'games',
    flag: '--games',
    type: 'string',
    default: '',
    arg: 'DIR',
    help: 'Folder of games (one sub-folder each). Empty = the games/ folder that ships with ledtable.',
    scope: 'config',
  },
  {
    name: 'idle',
    flag: '--idle',
    type: 'int',
    default: 120,
    min: 0,
    max: 86400,
    arg: 'SECONDS',
    help: 'Seconds in the menu without input before the screensaver starts; 0 = never.',
    scope: 'config',
  },
  {
    name: 'demoSeconds',
    flag: '--demo-seconds',
    type: 'int',
    default: 20,
    min: 0,
    max: 3600,
    arg: 'SECONDS',
    help:
      'Attract mode: the idle screensaver plays demo replays (assets/replays/), each for at most ' +
      'this long; 0 = the plain colour screensaver.',
    scope: 'config',
  },
  {
    name: 'logFile',
    flag: '--log-file',
    type: 'string',
    default: '',
    arg: 'FILE',
    help: 'Log file. Empty = <data dir>/ledtable.log.',
    scope: 'config',
  },
  {
    name: 'path',
    flag: '--path',
    type: 'list',
    default: [],
    arg: 'DIR|FILE',
    split: false,
    help: 'Picture viewer: a folder or picture to show, repeatable. None = the sample pictures in assets/images.',
    scope: 'config',
  },
  {
    name: 'interval',
    flag: '--interval',
    type: 'number',
    default: 8,
    min: 0.5,
    max: 86400,
    arg: 'SECONDS',
    help: 'Picture viewer: seconds each picture stays before the next one.',
    scope: 'config',
  },
  {
    name: 'crossfade',
    flag: '--crossfade',
    type: 'number',
    default: 1,
    min: 0,
    max: 10,
    arg: 'SECONDS',
    help: 'Picture viewer: seconds of crossfade between pictures; 0 = cut.',
    scope: 'config',
  },
  {
    name: 'fit',
    flag: '--fit',
    type: 'enum',
    default: 'cover',
    values: ['contain', 'cover', 'attention', 'fill'],
    help:
      'Picture viewer: contain = the whole picture with black bars, cover = fill the table and crop the ' +
      'middle, attention = crop the most interesting part, fill = stretch. A cycles it.',
    scope: 'config',
  },
  {
    name: 'shuffle',
    flag: '--shuffle',
    type: 'bool',
    default: false,
    help: 'Picture viewer: show the pictures in random order (repeatable with --seed).',
    scope: 'config',
  },
  {
    name: 'players',
    flag: '--players',
    type: 'int',
    default: 0,
    min: 0,
    max: 4,
    help: "Number of players for `play`; 0 = the game's minimum.",
    scope: 'cli',
  },
  {
    name: 'seed',
    flag: '--seed',
    type: 'int',
    default: undefined,
    min: 0,
    max: 4294967295,
    help: 'Seed for the random generator; absent = a fresh seed each run. Same seed + same input = same frames.',
    scope: 'cli',
  },
  {
    name: 'config',
    flag: '--config',
    type: 'string',
    default: '',
    arg: 'FILE',
    help: 'JSON config file (camelCase keys as listed here, plus "games": {"<id>": {key: value}}). Default: $LEDTABLE_CONFIG.',
    scope: 'cli',
  },
  {
    name: 'set',
    flag: '--set',
    type: 'list',
    default: [],
    arg: 'KEY=VALUE',
    split: false,
    check: checkKeyValue,
    help: 'A per-game parameter, repeatable: game.key=value, or key=value for the game being played.',
    scope: 'cli',
  },
  {
    name: 'headless',
    flag: '--headless',
    type: 'bool',
    default: false,
    help: 'Run without an output and without real time (with --ticks).',
    scope: 'cli',
  },
  {
    name: 'ticks',
    flag: '--ticks',
    type: 'int',
    default: 0,
    min: 0,
    help: 'Headless: number of ticks to run (0 = only the first frame).',
    scope: 'cli',
  },
  {
    name: 'inputs',
    flag: '--inputs',
    type: 'string',
    default: '',
    arg: 'FILE',
    help: 'Headless: scripted input, a JSON array of {"tick", "player", "button", "down"}.',
    scope: 'cli',
  },
  {
    name: 'dump',
    flag: '--dump',
    type: 'bool',
    default: false,
    help: 'Headless: print the final frame as lines of rrggbb values.',
    scope: 'cli',
  },
  {
    name: 'out',
    flag: '--out',
    type: 'string',
    default: '',
    arg: 'FILE',
    help: 'Headless: write the final frame to FILE.png or every frame to FILE.gif.',
    scope: 'cli',
  },
  {
    name: 'ledDots',
    flag: '--led-dots',
    type: 'bool',
    default: false,
    help: 'Captures (--out, the screenshot key P): draw each LED as a round dot on black, as the table looks.',
    scope: 'config',
  },
  {
    name: 'captureScale',
    flag: '--capture-scale',
    type: 'int',
    default: 16,
    min: 1,
    max: 64,
    arg: 'PIXELS',
    help: 'Captures: image pixels per LED (a long GIF uses fewer to stay under 32 megapixels).',
    scope: 'config',
  },
  {
    name: 'record',
    flag: '--record',
    type: 'string',
    default: '',
    arg: 'FILE',
    help:
      'play: record the seed, choices and every button event to FILE (JSON) for `ledtable replay FILE`; ' +
      'a replay reproduces the run frame for frame (attach it to bug reports).',
    scope: 'cli',
  },
  {
    name: 'watch',
    flag: '--watch',
    type: 'bool',
    default: false,
    help:
      'Simulator: hot reload. Saving a file in a game folder reloads that game without restarting ' +
      '(the game played last restarts with the same players, settings and seed).',
    scope: 'cli',
  },
  {
    name: 'json',
    flag: '--json',
    type: 'bool',
    default: false,
    help: 'Machine-readable output for `list` and `bench`.',
    scope: 'cli',
  },
  {
    name: 'quick',
    flag: '--quick',
    type: 'bool',
    default: false,
    help: '`bench`: run every section briefly (seconds, not minutes); the figures only show that it works.',
    scope: 'cli',
  },
  {
    name: 'debug',
    flag: '--debug',
    type: 'bool',
    default: false,
    help: 'Verbose logging and stack traces on the terminal.',
    scope: 'cli',
  },
  {
    name: 'version',
    flag: '--version',
    type: 'bool',
    default: false,
    help: 'Print the version and exit.',
    scope: 'cli',
  },
  {
    name: 'help',
    flag: '--help',
    short: '-h',
    type: 'bool',
    default: false,
    help: 'Print this help and exit.',
    scope: 'cli',
  },
  {
    name: 'evdev',
    flag: '--evdev',
    type: 'enum',
    default: 'on',
    values: ['on', 'off'],
    help:
      'Linux: read keyboards, gamepads and GPIO buttons (gpio-key overlay) from /dev/input. Pads join as ' +
      'the next player with their first button press; an unplugged pad pauses the game until it returns.',
    scope: 'config',
  },
  {
    name: 'padPlayers',
    flag: '--pad-player',
    type: 'list',
    default: [],
    arg: 'NAME=N',
    split: false,
    check: checkPadPlayer,
    help: 'Fixes a pad to player N (1-4) instead of "first press joins"; NAME is part of the device name or vvvv:pppp. Repeatable.',
    scope: 'config',
  },
  {
    name: 'padMap',
    flag: '--pad-map',
    type: 'list',
    default: [],
    arg: 'NAME=CODE:BTN,…',
    split: false,
    check: checkPadMap,
    help:
      'Button map for pads whose name contains NAME (or vvvv:pppp), over the defaults, e.g. ' +
      '"8BitDo=BTN_EAST:a,BTN_SOUTH:b". Codes are kernel names (BTN_*, KEY_*) or numbers. Repeatable.',
    scope: 'config',
  },
  {
    name: 'keyMap',
    flag: '--key-map',
    type: 'list',
    default: [],
    arg: 'CODE=P:BTN',
    split: false,
    check: checkKeyMap,
    help: 'Keyboard and GPIO button codes over the defaults, e.g. KEY_J=2:left (see hardware/README.md). Repeatable.',
    scope: 'config',
  },
  {
    name: 'hid',
    flag: '--hid',
    type: 'enum',
    default: 'auto',
    values: ['auto', 'on', 'off'],
    help:
      'Gamepads through node-hid with a map learned by `ledtable gamepad learn`; auto = only where ' +
      '/dev/input is absent (macOS, Windows).',
    scope: 'config',
  },
  {
    name: 'defaultPlayers',
    flag: '--default-players',
    type: 'int',
    default: 0,
    min: 0,
    max: 4,
    help: "Players a game starts with when nobody chose (settings menu); 0 = the game's minimum.",
    scope: 'config',
  },
  {
    name: 'service',
    flag: '--service',
    type: 'bool',
    default: false,
    help: 'Running as the system service: the settings menu offers shut down and reboot (also when $INVOCATION_ID is set by systemd).',
    scope: 'cli',
  },
] as const satisfies readonly OptionSpec[];

export type OptionEntry = (typeof OPTIONS)[number];
export type OptionName = OptionEntry['name'];

type ValueOf<O> = O extends { readonly type: 'int' | 'number' }
  ? number
  : O extends { readonly type: 'string' }
    ? string
    : O extends { readonly type: 'bool' }
      ? boolean
      : O extends { readonly type: 'list' }
        ? string[]
        : O extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
          ? V
          : never;

type OptionalIfNoDefault<O> = O extends { readonly default: undefined } ? ValueOf<O> | undefined : ValueOf<O>;

/** The resolved options: `options.fps` is a number, `options.output` a string[], enums are unions. */
export type Options = { [O in OptionEntry as O['name']]: OptionalIfNoDefault<O> };

/** Options allowed in the config file and in saved settings. */
export type ConfigOptionName = Extract<OptionEntry, { readonly scope: 'config' }>['name'];

/** Per-game parameters: game id (or '*' = the game being played) → key → value. */
export type GameParams = Record<string, Record<string, string | number | boolean>>;

/** The table as plain specs, for code that walks it without caring about literal types. */
export const OPTION_SPECS: readonly OptionSpec[] = OPTIONS;

export function findOption(name: string): OptionSpec | undefined {
  return OPTION_SPECS.find((o) => o.name === name);
}

/** A fresh Options object holding every default (lists are copied, so callers may mutate them). */
export function defaultOptions(): Options {
  const out: Record<string, unknown> = {};
  for (const spec of OPTION_SPECS) {
    out[spec.name] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  }
  return out as Options;
}
