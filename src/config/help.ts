import type { OptionGroup, OptionSpec } from './options.ts';
import { uniqueGroups } from './options.ts';
import { type ParamOwner, paramSpecs } from './params.ts';

/** Text width of --help, in columns. */
export const HELP_WIDTH = 100;
const FLAG_COLUMN = 28;

/** Greedy word wrap; the first line gets `first` columns, the others `rest`. A no-break space
 * (U+00A0) keeps two words on one line and comes out as a plain space. */
export function wrap(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = first;
  for (const word of text.split(/[ \t\n]+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
      width = rest;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => l.replace(/\u00a0/g, ' '));
}

/** The placeholder after a flag: '--fps N', '--colors auto|truecolor|256', nothing for bools. */
function placeholder(spec: OptionSpec): string {
  if (spec.arg) return spec.arg;
  switch (spec.type) {
    case 'int':
    case 'number':
      return 'N';
    case 'enum':
      return (spec.values ?? []).join('|');
    case 'bool':
      return '';
    case 'list':
    case 'string':
      return 'TEXT';
  }
}

/** '-h, --help', '--fps N', '--[no-]headless'. */
export function flagText(spec: OptionSpec): string {
  const long = spec.type === 'bool' && spec.default === true ? `--[no-]${spec.flag.slice(2)}` : spec.flag;
  const arg = placeholder(spec);
  const short = spec.short ? `${spec.short}, ` : '';
  return `${short}${long}${arg ? ` ${arg}` : ''}`;
}

/** 'integer 1..120', 'one of …', or '' when the help text says enough. */
function rangeText(spec: OptionSpec): string {
  if (spec.type === 'int' || spec.type === 'number') {
    const kind = spec.type === 'int' ? 'integer' : 'number';
    if (spec.min !== undefined && spec.max !== undefined) return `${kind} ${spec.min}..${spec.max}`;
    if (spec.min !== undefined) return `${kind} ≥ ${spec.min}`;
    if (spec.max !== undefined) return `${kind} ≤ ${spec.max}`;
    return kind;
  }
  if (spec.type === 'list') return spec.split === false ? 'repeatable' : 'list, repeatable';
  return '';
}

function defaultText(spec: OptionSpec): string {
  const d = spec.default;
  if (d === undefined || d === '' || d === false || (Array.isArray(d) && d.length === 0)) return '';
  return Array.isArray(d) ? d.join(',') : String(d);
}

/** One sentence after the help text: range, default and where else it can be set. */
function detailText(spec: OptionSpec): string {
  const parts: string[] = [];
  const range = rangeText(spec);
  if (range) parts.push(range);
  const d = defaultText(spec);
  if (d) parts.push(`default\u00a0${d}`);
  parts.push(spec.scope === 'config' ? `config\u00a0"${spec.name}"` : 'command line only');
  if (spec.setting) parts.push(`settings\u00a0screen:\u00a0${spec.setting.label}`);
  return `[${parts.join('; ')}]`;
}

/** The help text and, for an option with a settings line, where it is on the table (README). */
function helpWithSetting(spec: OptionSpec): string {
  return spec.setting ? `${spec.help} Settings screen: ${spec.setting.label}.` : spec.help;
}

export interface CommandHelp {
  usage: string;
  summary: string;
}

function twoColumns(left: string, text: string): string[] {
  const indent = ' '.repeat(FLAG_COLUMN);
  const head = `  ${left}`;
  const width = HELP_WIDTH - FLAG_COLUMN;
  if (head.length >= FLAG_COLUMN - 1) {
    return [head, ...wrap(text, width, width).map((l) => indent + l)];
  }
  const [first = '', ...rest] = wrap(text, width, width);
  return [head.padEnd(FLAG_COLUMN) + first, ...rest.map((l) => indent + l)];
}

/**
 * The --help text: usage lines, then every option of `groups`, group by group (flag, range or
 * values, default, help), then `keysText` (e.g. the keyboard map) when given. Lines fit in 100
 * columns.
 */
export function formatHelp(
  groups: readonly OptionGroup[],
  commands: readonly CommandHelp[],
  keysText?: string,
  games: readonly ParamOwner[] = [],
): string {
  const out: string[] = ['Usage:'];
  for (const c of commands) out.push(...twoColumns(c.usage, c.summary));
  out.push('', 'Options (those marked config "key" can also be set in the JSON config file):');
  for (const group of uniqueGroups(groups)) {
    if (group.specs.length === 0) continue;
    out.push('', `${group.title}:`);
    for (const spec of group.specs)
      out.push(...twoColumns(flagText(spec), `${spec.help} ${detailText(spec)}`));
  }
  const perGame = gameRows(games);
  if (perGame.length > 0) {
    out.push('', 'Settings and parameters of games (--set ID.KEY=VALUE, or "games": {"ID": {"KEY": …}}):');
    for (const row of perGame) out.push(...twoColumns(row.left, row.text));
  }
  out.push(
    '',
    'Config file: a JSON object with the keys above, plus per-game parameters:',
    '  {"fps": 50, "output": ["ws281x"], "games": {"viewer": {"path": "/home/pi/pictures"}}}',
  );
  if (keysText !== undefined && keysText.trim() !== '') out.push('', 'Keys:', keysText.replace(/\s+$/, ''));
  return `${out.join('\n')}\n`;
}

/** One row per setting and unflagged param of each game ('tetris.level=1|2|3' …). */
function gameRows(games: readonly ParamOwner[]): { left: string; text: string }[] {
  const rows: { left: string; text: string }[] = [];
  for (const game of games) {
    for (const [key, setting] of Object.entries(game.settings ?? {})) {
      const { label, values } = setting as { label?: string; values?: readonly unknown[] };
      rows.push({
        left: `${game.id}.${key}=${(values ?? []).join('|')}`,
        text: `Setting ${label ?? key} of ${game.title} (also chosen on the table).`,
      });
    }
    for (const spec of paramSpecs(game)) {
      if (game.params?.[spec.name]?.flag !== undefined) continue; // listed with the options
      rows.push({
        left: `${game.id}.${spec.name}=${placeholder(spec) || 'true|false'}`,
        text: `${spec.help} ${paramDetail(spec)}`.trim(),
      });
    }
  }
  return rows;
}

function paramDetail(spec: OptionSpec): string {
  const parts = [rangeText(spec), defaultText(spec) ? `default\u00a0${defaultText(spec)}` : ''].filter(
    (p) => p,
  );
  return parts.length > 0 ? `[${parts.join('; ')}]` : '';
}

/** A Markdown table of the games' settings and params, for the README. */
export function formatGameParamsMarkdown(games: readonly ParamOwner[]): string {
  const rows = ['| `--set` | Description |', '| --- | --- |'];
  for (const row of gameRows(games))
    rows.push(`| \`${cell(row.left)}\` | ${cell(row.text.replace(/\u00a0/g, ' '))} |`);
  return `${rows.join('\n')}\n`;
}

const cell = (s: string): string =>
  s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, ' ');

/** A Markdown table of every option of `groups`, group by group, for the README. */
export function formatOptionsMarkdown(groups: readonly OptionGroup[]): string {
  const rows = ['| Flag | Config key | Values | Default | Description |', '| --- | --- | --- | --- | --- |'];
  for (const spec of uniqueGroups(groups).flatMap((g) => g.specs)) {
    const flag = `\`${flagText(spec)}\``;
    const key = spec.scope === 'config' ? `\`${spec.name}\`` : '(command line only)';
    const values =
      spec.type === 'enum'
        ? (spec.values ?? []).map((v) => `\`${v}\``).join(', ')
        : rangeText(spec) || spec.type;
    const d = defaultText(spec);
    rows.push(
      `| ${cell(flag)} | ${key} | ${cell(values)} | ${d ? `\`${cell(d)}\`` : ''} | ${cell(helpWithSetting(spec))} |`,
    );
  }
  return `${rows.join('\n')}\n`;
}
