/**
 * The options machinery. config/ knows no option by name: each owner declares its own group with
 * `defineOptions(title, { key: { flag, type, default, help, … } })` next to the code that reads
 * them, and the composition root (src/cli/options.ts) lists the groups. Parsing (flags, config
 * file, saved settings), validation, `--help` and the README table are all derived from the list.
 *
 * - the key: the camelCase name in the config file and in the resolved options object.
 * - `scope`: 'config' = accepted in the config file and as a flag; 'cli' = flag only.
 * - `default: undefined` (int/number only) makes the option optional: its value is
 *   `number | undefined`, and undefined means "not given".
 * - `check`: extra validation of one value (one list item for lists); returns what is allowed
 *   when the value is wrong ("must look like …"), undefined when it is fine.
 * - `setting`: the option is also a line of the table's settings screen (src/config/settings-menu.ts).
 */

export type OptionType = 'int' | 'number' | 'string' | 'enum' | 'bool' | 'list';
export type OptionScope = 'config' | 'cli';

/** One option as its owner declares it (the name is the key it is declared under). */
export interface OptionDecl {
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
  /** Also a line of the table's settings screen, changed with left/right and saved in settings.json. */
  readonly setting?: SettingDecl;
}

/**
 * How an option shows on the table's settings screen. The line's value starts as the resolved
 * option (flags, config file, saved settings), left/right step it, it is saved in settings.json
 * under the option's key (read back as saved settings at the next start). Int, number, enum,
 * string and bool options can have one (not lists); the option needs a default.
 */
export interface SettingDecl {
  /** Capitals in the 3×5 font; up to 5 letters fit the 20 columns, a longer label scrolls. */
  readonly label: string;
  /**
   * The readable name where there is room (the web page's settings panel): 'Brightness',
   * 'Screensaver after'. Default: the label.
   */
  readonly title?: string;
  /**
   * Place on the screen: lines sort by it (then by declaration). Today: LIGHT 10, IDLE 20,
   * PLAYERS 30, VOLUME 40, MUSIC 50, EFFECTS 60, SHOW 70, UPDATE 80, NIGHT 90, DIM 100; POWER,
   * SHUT DOWN and REBOOT always come last.
   */
  readonly order: number;
  /**
   * The values left/right go through. Numbers ascending: right takes the next step above the
   * value, left the next below, and at either end the value stays (a value between steps, from
   * the config file, is kept until changed). Default: an enum's values; for bools OFF, ON (left
   * = off, right = on); for numbers every `step` from min to max.
   */
  readonly steps?: readonly (number | string)[];
  /** Numbers without `steps`: right/left go to the next multiple of it above/below (from min; default 1). */
  readonly step?: number;
  /** Past the last step comes the first again, and before the first the last (a list of choices). */
  readonly wrap?: boolean;
  /**
   * The value as shown, short enough for 20 columns (e.g. showSeconds: 30S, 5M, OFF; zeroAs('MIN')).
   * Default: numbers as digits, bools ON/OFF, strings in capitals. Annotate the parameter's type.
   */
  readonly show?: (value: never) => string;
  /**
   * true: the value means something only through a live hook the run supplies (brightness → the
   * colour pipeline, volume → the mixer), and without that hook the line is left out (a table
   * without sound has no VOLUME line). false (default): the line is always there and whoever
   * needs the value reads it from the table's controls.
   */
  readonly live?: boolean;
}

/** An option with its name, as the parser, --help and the README walk them. */
export interface OptionSpec extends OptionDecl {
  readonly name: string;
}

export type OptionDecls = Readonly<Record<string, OptionDecl>>;

/** Options of one owner, shown together under `title` in --help and the README. */
export interface OptionGroup<D extends OptionDecls = OptionDecls> {
  readonly title: string;
  readonly options: D;
  readonly specs: readonly OptionSpec[];
}

/**
 * Declares an owner's options. Keep the result next to the code that reads the values and add
 * the group to the list in src/cli/options.ts (outputs: to the output kind's `options`).
 */
export function defineOptions<const D extends OptionDecls>(title: string, options: D): OptionGroup<D> {
  const specs = Object.entries(options).map(([name, decl]) => ({ name, ...decl }));
  return { title, options, specs };
}

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

/** The resolved values of one group: `fps` is a number, lists are string[], enums are unions. */
export type OptionsOf<G> =
  G extends OptionGroup<infer D> ? { [K in keyof D]: OptionalIfNoDefault<D[K]> } : never;

type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The resolved values of a list of groups, one object. */
export type OptionsOfGroups<G extends readonly OptionGroup[]> = Intersect<OptionsOf<G[number]>>;

/** Per-game parameters: game id (or '*' = the game being played) → key → value. */
export type GameParams = Record<string, Record<string, string | number | boolean>>;

/**
 * Every spec of the groups, in order. A group listed twice (two output kinds sharing
 * --color-order) counts once; two different declarations of one name or flag are a programming
 * error and throw, naming both groups.
 */
export function collectSpecs(groups: readonly OptionGroup[]): OptionSpec[] {
  const out: OptionSpec[] = [];
  const owners = new Map<string, string>();
  const seen = new Set<OptionGroup>();
  for (const group of groups) {
    if (seen.has(group)) continue;
    seen.add(group);
    for (const spec of group.specs) {
      for (const id of [
        `option "${spec.name}"`,
        `flag ${spec.flag}`,
        ...(spec.short ? [`flag ${spec.short}`] : []),
      ]) {
        const owner = owners.get(id);
        if (owner !== undefined)
          throw new Error(`${id} is declared twice: in "${owner}" and in "${group.title}"; rename one`);
        owners.set(id, group.title);
      }
      out.push(spec);
    }
  }
  return out;
}

/** The groups without repeats, in order (for --help sections). */
export function uniqueGroups(groups: readonly OptionGroup[]): OptionGroup[] {
  return [...new Set(groups)];
}

/** A fresh object holding every default (lists are copied, so callers may mutate them). */
export function defaultsOf(specs: readonly OptionSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) out[spec.name] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return out;
}
