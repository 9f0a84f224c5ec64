/**
 * The settings-menu machinery: the lines of the table's settings screen made from every declared
 * option with a `setting` part (see SettingDecl in options.ts). A line's value starts as the
 * resolved option, left/right step it within the declaration (steps, min/max, enum values, check),
 * a live hook the run supplies applies it at once, and `saved()` gives what goes into settings.json
 * under the option keys (read back as saved settings at the next start). config/ names no option:
 * the owners declare, the composition root (src/cli/table-controls.ts) supplies hooks and the file.
 */
import type { OptionSpec } from './options.ts';

export type SettingValue = number | string | boolean;

/**
 * Applies a changed value at once (brightness → the colour pipeline). Called with a value already
 * within the declaration, on every change from the screen or `set`, never for the starting value
 * (the run built its parts from the options). Annotate the parameter: `(percent: number) => …`.
 */
export type SettingHook = (value: never) => void;

/** Hooks by option key; a `live` setting without one has no line. */
export type SettingHooks = Readonly<Record<string, SettingHook | undefined>>;

/** One line of the settings screen (the shape of the table's ControlLine, plus its key and place). */
export interface SettingLine {
  /** The option key (settings.json, config file). */
  readonly key: string;
  readonly label: string;
  readonly order: number;
  /** The value as shown. */
  value(): string;
  /** Left/right: -1 or +1. */
  step(direction: number): void;
}

/** Seconds as the settings screen shows them: 0 → OFF, under a minute 30S, else whole minutes 5M. */
export function showSeconds(seconds: number): string {
  if (seconds === 0) return 'OFF';
  return seconds < 60 ? `${seconds}S` : `${Math.round(seconds / 60)}M`;
}

/** Numbers as digits, 0 as `word` (zeroAs('OFF'), zeroAs('MIN')). */
export function zeroAs(word: string): (value: number) => string {
  return (value) => (value === 0 ? word : `${value}`);
}

/**
 * The specs that have a `setting`, in screen order. A declaration that cannot work is a
 * programming error and throws, naming the option: a list, no default, a step outside the
 * option's own range or choices.
 */
export function settingSpecs(specs: readonly OptionSpec[]): OptionSpec[] {
  const shown = specs.filter((spec) => spec.setting !== undefined);
  for (const spec of shown) {
    const fix = `fix the setting of option "${spec.name}"`;
    if (spec.type === 'list') throw new Error(`a list cannot be a settings line; ${fix}`);
    if (spec.default === undefined || settingValue(spec, spec.default) !== spec.default)
      throw new Error(`a settings line needs a default within the option; ${fix}`);
    for (const step of spec.setting?.steps ?? [])
      if (settingValue(spec, step) !== step)
        throw new Error(`step ${JSON.stringify(step)} is not a value of the option; ${fix}`);
  }
  return shown.sort((a, b) => a.setting!.order - b.setting!.order);
}

/**
 * `raw` as a value of the option: numbers rounded (int) and clamped to min/max, enum values and
 * strings only when allowed (values, check), bools as they are; undefined when it cannot be one.
 */
export function settingValue(spec: OptionSpec, raw: unknown): SettingValue | undefined {
  switch (spec.type) {
    case 'int':
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
      const value = spec.type === 'int' ? Math.round(raw) : raw;
      return Math.min(spec.max ?? value, Math.max(spec.min ?? value, value));
    }
    case 'bool':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'enum':
      return typeof raw === 'string' && (spec.values ?? []).includes(raw) ? raw : undefined;
    case 'string':
      return typeof raw === 'string' && spec.check?.(raw) === undefined ? raw : undefined;
    default:
      return undefined;
  }
}

/** The value after `current` in `direction` (-1 left, +1 right), by the declaration's steps. */
export function nextSetting(spec: OptionSpec, current: SettingValue, direction: number): SettingValue {
  const setting = spec.setting;
  const d = Math.sign(direction);
  if (typeof current === 'number' && !setting?.steps) {
    // the next point of the grid min + k·step above or below
    const step = setting?.step ?? 1;
    const base = spec.min ?? 0;
    const k = (current - base) / step;
    const next = base + (d > 0 ? Math.floor(k) + 1 : Math.ceil(k) - 1) * step;
    return settingValue(spec, next) ?? current;
  }
  const steps: readonly SettingValue[] =
    setting?.steps ?? (spec.type === 'bool' ? [false, true] : (spec.values ?? []));
  if (steps.length === 0) return current;
  const at = steps.indexOf(current);
  if (setting?.wrap) return steps[(Math.max(0, at) + d + steps.length) % steps.length]!;
  if (typeof current === 'number') {
    const numbers = steps as readonly number[];
    return (d > 0 ? numbers.find((s) => s > current) : numbers.findLast((s) => s < current)) ?? current;
  }
  return steps[Math.min(steps.length - 1, Math.max(0, at + d))]!;
}

/**
 * Every value left/right reach on the line, in order: the page's slider stops and choices. The
 * declaration's steps (a wrapping list as declared), an enum's values, OFF then ON, or the grid
 * min..max by `step` (at most `limit` values); a `current` value between them (from the config
 * file) is placed among them: numbers by size, others first.
 */
export function settingChoices(spec: OptionSpec, current: SettingValue, limit = 1000): SettingValue[] {
  let values: SettingValue[];
  if (spec.setting?.wrap) values = [...(spec.setting.steps ?? spec.values ?? [])];
  else {
    let lowest = current;
    for (let i = 0; i < limit; i++) {
      const below = nextSetting(spec, lowest, -1);
      if (below === lowest) break;
      lowest = below;
    }
    values = [lowest];
    while (values.length < limit) {
      const above = nextSetting(spec, values[values.length - 1]!, 1);
      if (values.includes(above)) break;
      values.push(above);
    }
  }
  if (values.includes(current)) return values;
  if (typeof current !== 'number') return [current, ...values];
  const at = values.findIndex((value) => typeof value === 'number' && value > current);
  return at < 0 ? [...values, current] : [...values.slice(0, at), current, ...values.slice(at)];
}

/** The value as the line shows it: the declaration's `show`, else digits, ON/OFF or capitals. */
export function showSetting(spec: OptionSpec, value: SettingValue): string {
  const show = spec.setting?.show as ((value: SettingValue) => string) | undefined;
  if (show) return show(value);
  if (typeof value === 'boolean') return value ? 'ON' : 'OFF';
  return String(value).toUpperCase();
}

export interface LiveSettingsOptions {
  /** Every option spec of the program; those with a `setting` become lines. */
  readonly specs: readonly OptionSpec[];
  /** Starting values by key (the resolved options); a missing or unusable one starts at the default. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly hooks?: SettingHooks;
}

/**
 * The live values of the settings lines. One source for the screen and for anyone else who
 * changes them (the web page): `set` keeps a value within its declaration and runs its hook.
 */
export class LiveSettings {
  /** The specs that have a line here, in screen order. */
  readonly specs: readonly OptionSpec[];
  private readonly values = new Map<string, SettingValue>();
  private readonly hooks: SettingHooks;

  constructor(options: LiveSettingsOptions) {
    this.hooks = options.hooks ?? {};
    this.specs = settingSpecs(options.specs).filter(
      (spec) => !spec.setting?.live || this.hooks[spec.name] !== undefined,
    );
    for (const spec of this.specs)
      this.values.set(
        spec.name,
        settingValue(spec, options.values[spec.name]) ?? (spec.default as SettingValue),
      );
  }

  /** The current value of a line's option; undefined when it has no line here. */
  get(key: string): SettingValue | undefined {
    return this.values.get(key);
  }

  /** Sets a line's value (kept within the declaration; an unusable one is ignored) and applies it. */
  set(key: string, raw: unknown): void {
    const spec = this.specs.find((s) => s.name === key);
    const value = spec && settingValue(spec, raw);
    if (value === undefined) return;
    this.values.set(key, value);
    (this.hooks[key] as ((value: SettingValue) => void) | undefined)?.(value);
  }

  /** One line per spec, in screen order. */
  lines(): SettingLine[] {
    return this.specs.map((spec) => ({
      key: spec.name,
      label: spec.setting!.label,
      order: spec.setting!.order,
      value: () => showSetting(spec, this.values.get(spec.name)!),
      step: (direction: number) =>
        this.set(spec.name, nextSetting(spec, this.values.get(spec.name)!, direction)),
    }));
  }

  /** Every line's value by option key: what settings.json keeps. */
  saved(): Record<string, SettingValue> {
    return Object.fromEntries(this.values);
  }
}
