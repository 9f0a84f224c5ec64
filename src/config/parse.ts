import { readFileSync } from 'node:fs';
import type { GameParams, OptionSpec } from './options.ts';
import { defaultsOf } from './options.ts';
import { isUnsafeKey, UNSAFE_KEYS } from './safe-keys.ts';
import { closest } from './suggest.ts';

/** Reads a file as UTF-8 text; injectable so tests need no files. */
export type ReadText = (path: string, encoding: 'utf8') => string;

export interface ResolvedOptions<O = Record<string, unknown>> {
  /** Positional words in order, e.g. ['play', 'tetris']. */
  command: string[];
  options: O;
  /** From the config file's "games" and `--set`; key '*' = the game being played. */
  gameParams: GameParams;
  /** Every user mistake found, each naming the option, the value given and what is allowed. */
  problems: string[];
}

type Value = number | string | boolean | string[];
export type Coerced = { ok: true; value: Value } | { ok: false; allowed: string };

/** What a value of this option may be, phrased to follow "must be". */
export function describeAllowed(spec: OptionSpec): string {
  switch (spec.type) {
    case 'int':
    case 'number': {
      const kind = spec.type === 'int' ? 'an integer' : 'a number';
      if (spec.min !== undefined && spec.max !== undefined) return `${kind} from ${spec.min} to ${spec.max}`;
      if (spec.min !== undefined) return `${kind} of ${spec.min} or more`;
      if (spec.max !== undefined) return `${kind} of ${spec.max} or less`;
      return kind;
    }
    case 'enum':
      return `one of ${(spec.values ?? []).join(', ')}`;
    case 'bool':
      return 'true or false';
    case 'list':
      return spec.split === false ? 'a text value (repeat the option for more)' : 'a comma-separated list';
    case 'string':
      return 'a text value';
  }
}

function checkNumber(spec: OptionSpec, n: number): Coerced {
  const fits =
    Number.isFinite(n) &&
    (spec.type !== 'int' || Number.isSafeInteger(n)) &&
    (spec.min === undefined || n >= spec.min) &&
    (spec.max === undefined || n <= spec.max);
  return fits ? { ok: true, value: n } : { ok: false, allowed: `must be ${describeAllowed(spec)}` };
}

function checkItems(spec: OptionSpec, items: string[]): Coerced {
  for (const item of items) {
    const allowed = spec.check?.(item);
    if (allowed !== undefined)
      return { ok: false, allowed: items.length > 1 ? `"${item}" ${allowed}` : allowed };
  }
  return { ok: true, value: items };
}

function splitList(spec: OptionSpec, raw: string): string[] {
  if (spec.split === false) return [raw];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0'];

/** A value typed on the command line (always text). */
export function coerceText(spec: OptionSpec, raw: string): Coerced {
  const mustBe = { ok: false, allowed: `must be ${describeAllowed(spec)}` } as const;
  switch (spec.type) {
    case 'int':
      return /^[+-]?\d+$/.test(raw.trim()) ? checkNumber(spec, Number(raw)) : mustBe;
    case 'number':
      return raw.trim() === '' ? mustBe : checkNumber(spec, Number(raw));
    case 'enum':
      return spec.values?.includes(raw) ? { ok: true, value: raw } : mustBe;
    case 'bool': {
      const word = raw.toLowerCase();
      if (TRUE_WORDS.includes(word)) return { ok: true, value: true };
      return FALSE_WORDS.includes(word) ? { ok: true, value: false } : mustBe;
    }
    case 'list':
      return checkItems(spec, splitList(spec, raw));
    case 'string': {
      const allowed = spec.check?.(raw);
      return allowed === undefined ? { ok: true, value: raw } : { ok: false, allowed };
    }
  }
}

/** A value from JSON (config file or saved settings). */
export function coerceJson(spec: OptionSpec, raw: unknown): Coerced {
  const mustBe = { ok: false, allowed: `must be ${describeAllowed(spec)}` } as const;
  switch (spec.type) {
    case 'int':
    case 'number':
      return typeof raw === 'number' ? checkNumber(spec, raw) : mustBe;
    case 'enum':
      return typeof raw === 'string' ? coerceText(spec, raw) : mustBe;
    case 'bool':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : mustBe;
    case 'string':
      return typeof raw === 'string' ? coerceText(spec, raw) : mustBe;
    case 'list':
      if (typeof raw === 'string') return coerceText(spec, raw);
      if (Array.isArray(raw) && raw.every((item) => typeof item === 'string'))
        return checkItems(spec, [...raw]);
      return { ok: false, allowed: 'must be an array of strings or a comma-separated string' };
  }
}

/** A JSON value as the file holds it (a string stays quoted: "60" is not 60), at most 60 characters. */
const show = (raw: unknown): string => {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const where = (spec: OptionSpec): string =>
  spec.scope === 'config' ? `(config key "${spec.name}")` : '(command line only)';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface FlagHit {
  spec: OptionSpec;
  value: Value;
}

/** Splits argv into positionals and flag values; unknown flags and bad values become problems. */
function scanArgv(
  specs: readonly OptionSpec[],
  argv: readonly string[],
  problems: string[],
  ignoreUnknown: boolean,
): { command: string[]; hits: FlagHit[] } {
  const command: string[] = [];
  const hits: FlagHit[] = [];
  const longFlags = specs.map((s) => s.flag);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      command.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      command.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    let spec = specs.find((s) => s.flag === name || s.short === name);
    let negated = false;
    if (!spec && name.startsWith('--no-')) {
      const positive = specs.find((s) => s.flag === `--${name.slice(5)}`);
      if (positive?.type === 'bool') {
        spec = positive;
        negated = true;
      } else if (positive) {
        problems.push(`${name}: only on/off options can be negated; give ${positive.flag} a value instead`);
        continue;
      }
    }
    if (!spec && ignoreUnknown) continue;
    if (!spec) {
      const guess = name.startsWith('--')
        ? closest(
            name.slice(2),
            longFlags.map((f) => f.slice(2)),
          )
        : undefined;
      const hint = guess ? `; did you mean --${guess}?` : '; see --help for the list';
      problems.push(`${arg}: unknown option${hint}`);
      // A typo of a flag that takes a value: skip its value too, so it does not become a positional.
      const meant = specs.find((s) => s.flag === `--${guess}`);
      if (meant && meant.type !== 'bool' && inline === undefined && !argv[i + 1]?.startsWith('--')) i++;
      continue;
    }
    if (spec.type === 'bool') {
      if (negated && inline !== undefined) {
        problems.push(`${arg}: ${name} takes no value; use ${spec.flag}=${inline} instead`);
        continue;
      }
      const result: Coerced = negated ? { ok: true, value: false } : coerceText(spec, inline ?? 'true');
      if (result.ok) hits.push({ spec, value: result.value });
      else problems.push(`${arg}: ${result.allowed} ${where(spec)}`);
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        problems.push(`${name} needs a value: ${describeAllowed(spec)} ${where(spec)}`);
        continue;
      }
      raw = next;
      i++;
    }
    const result = coerceText(spec, raw);
    if (result.ok) hits.push({ spec, value: result.value });
    else problems.push(`${spec.flag} ${raw}: ${result.allowed} ${where(spec)}`);
  }
  return { command, hits };
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function readConfigFile(path: string, readFile: ReadText, problems: string[]): unknown {
  let text: string;
  try {
    text = readFile(path, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'the file does not exist' : (e.message ?? String(error));
    problems.push(
      `config file ${path}: cannot read it (${why}); fix the path given with --config or $LEDTABLE_CONFIG`,
    );
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const at = position && !/line \d+/.test(message) ? ` (${lineColumn(text, Number(position[1]))})` : '';
    problems.push(`config file ${path} is not valid JSON: ${message}${at}`);
    return undefined;
  }
}

/** Validates `games: { "<id>": { key: value } }` and merges it into `into`. */
function readGames(raw: unknown, source: string, into: GameParams, problems: string[]): void {
  if (!isPlainObject(raw)) {
    problems.push(
      `${source}: "games" must be an object like {"viewer": {"path": "/pics"}}, not ${show(raw)}`,
    );
    return;
  }
  for (const [id, params] of Object.entries(raw)) {
    if (isUnsafeKey(id)) {
      problems.push(`${source}: "games.${id}": ${refusedKey(id)}`);
      continue;
    }
    if (!isPlainObject(params)) {
      problems.push(
        `${source}: "games.${id}" must be an object of parameters like {"path": "/pics"}, not ${show(params)}`,
      );
      continue;
    }
    for (const [key, value] of Object.entries(params)) {
      if (isUnsafeKey(key)) problems.push(`${source}: "games.${id}.${key}": ${refusedKey(key)}`);
      else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        into[id] ??= {};
        into[id][key] = value;
      } else {
        problems.push(
          `${source}: "games.${id}.${key}" is ${show(value)}: must be a string, number or boolean`,
        );
      }
    }
  }
}

/** Applies a JSON object of options (config file or saved settings) onto `options`. */
function applyJson(
  specs: readonly OptionSpec[],
  raw: unknown,
  source: string,
  options: Record<string, unknown>,
  games: GameParams | undefined,
  problems: string[],
  ignoreUnknown = false,
): void {
  if (!isPlainObject(raw)) {
    problems.push(`${source}: must be a JSON object like {"fps": 60}, not ${show(raw)}`);
    return;
  }
  const configNames = specs.filter((s) => s.scope === 'config').map((s) => s.name);
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    if (isUnsafeKey(key)) {
      problems.push(`${source}: "${key}": ${refusedKey(key)}`);
      continue;
    }
    if (key === 'games' && games) {
      readGames(value, source, games, problems);
      continue;
    }
    const spec = specs.find((s) => s.name === key);
    if (!spec && ignoreUnknown) continue;
    if (!spec) {
      const guess = closest(key, games ? [...configNames, 'games'] : configNames);
      problems.push(`${source}: unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''}`);
      continue;
    }
    if (spec.scope === 'cli') {
      problems.push(`${source}: "${key}" can only be given on the command line (${spec.flag})`);
      continue;
    }
    const result = coerceJson(spec, value);
    if (result.ok) options[key] = result.value;
    else problems.push(`${source}: "${key}": ${show(value)}: ${result.allowed} (flag ${spec.flag})`);
  }
}

/** `true`/`false` become booleans and canonical numbers ("12", "-0.5") numbers; the rest stays text. */
export function parseParamValue(raw: string): string | number | boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) && String(n) === raw ? n : raw;
}

const refusedKey = (key: string): string =>
  `the key "${key}" is refused (${UNSAFE_KEYS.join(', ')} could change every object); rename it`;

function applySet(entries: readonly string[], games: GameParams, problems: string[]): void {
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const key = entry.slice(0, eq);
    const dot = key.indexOf('.');
    const id = dot >= 0 ? key.slice(0, dot) : '*';
    const name = dot >= 0 ? key.slice(dot + 1) : key;
    const bad = [id, name].find(isUnsafeKey);
    if (bad !== undefined) {
      problems.push(`--set ${entry}: ${refusedKey(bad)}`);
      continue;
    }
    games[id] ??= {};
    games[id][name] = parseParamValue(entry.slice(eq + 1));
  }
}

/**
 * Why a saved settings file (settings.json, written by the table) is unusable for `specs`, or
 * undefined: the same checks as a config file, without "games". For JsonFile's validate, so a
 * bad file is moved aside with this reason instead of stopping every command.
 */
export function savedSettingsProblemWith(specs: readonly OptionSpec[], raw: unknown): string | undefined {
  const problems: string[] = [];
  applyJson(specs, raw, 'saved settings', defaultsOf(specs), undefined, problems);
  return problems.length === 0
    ? undefined
    : problems.map((p) => p.replace(/^saved settings: /, '')).join('; ');
}

/**
 * Resolves the options `specs` declare from, lowest precedence first: their defaults, the config file
 * (`--config FILE`, else `$LEDTABLE_CONFIG`, else none), `savedSettings` (changed from the table's
 * menu), and the command-line flags. Never throws for user mistakes: they all land in `problems`,
 * and a bad value leaves the lower-precedence one in place. Two names are special when declared:
 * `config` (the config file; its value becomes the file actually used, '' for none) and `set`
 * (`key=value` items merged into gameParams). `ignoreUnknown` skips flags and config keys that
 * `specs` lack (a first pass that only needs some options, e.g. the games folder).
 */
export function resolveOptionsWith(
  specs: readonly OptionSpec[],
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  readFile: ReadText = readFileSync,
  savedSettings?: Readonly<Record<string, unknown>>,
  ignoreUnknown = false,
): ResolvedOptions {
  const problems: string[] = [];
  const record = defaultsOf(specs);
  const gameParams: GameParams = {};
  const { command, hits } = scanArgv(specs, argv, problems, ignoreUnknown);

  const configHit = hits.findLast((h) => h.spec.name === 'config');
  const configPath = configHit ? String(configHit.value) : (env.LEDTABLE_CONFIG ?? '');
  if (configPath !== '') {
    const raw = readConfigFile(configPath, readFile, problems);
    if (raw !== undefined)
      applyJson(specs, raw, `config file ${configPath}`, record, gameParams, problems, ignoreUnknown);
  }
  if (savedSettings !== undefined)
    applyJson(specs, savedSettings, 'saved settings', record, undefined, problems);

  const listsSeen = new Set<string>();
  for (const { spec, value } of hits) {
    if (spec.type === 'list' && listsSeen.has(spec.name)) {
      (record[spec.name] as string[]).push(...(value as string[]));
    } else {
      listsSeen.add(spec.name);
      record[spec.name] = Array.isArray(value) ? [...value] : value;
    }
  }
  if ('config' in record) record.config = configPath;
  if (Array.isArray(record.set)) applySet(record.set as string[], gameParams, problems);
  return { command, options: record, gameParams, problems };
}
