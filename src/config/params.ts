import { delimiter } from 'node:path';
import type { ParamDecls } from '../engine/game.ts';
import type { GameParams, OptionGroup, OptionSpec } from './options.ts';
import { type Coerced, coerceJson, coerceText } from './parse.ts';
import { closest } from './suggest.ts';

/*
 * Games declare params (ParamDecl in src/engine/game.ts, the game contract) with the fields of an
 * option; this file turns them into option specs so the same machinery checks their values.
 */

/** What the checks need of a game: its id, settings (names only) and declared params. */
export interface ParamOwner {
  readonly id: string;
  readonly title: string;
  readonly settings?: Readonly<Record<string, unknown>> | undefined;
  readonly params?: ParamDecls | undefined;
}

/** The params of `game` that declare a flag, as an option group (scope config) for parsing and --help. */
export function paramFlags(game: ParamOwner): OptionGroup {
  const specs: OptionSpec[] = [];
  for (const [name, decl] of Object.entries(game.params ?? {})) {
    if (decl.flag === undefined) continue;
    specs.push({ ...decl, name, flag: decl.flag, default: decl.default, scope: 'config' });
  }
  const options = Object.fromEntries(specs.map(({ name, ...decl }) => [name, decl]));
  return {
    title: `${game.title} (games/${game.id}; also "games.${game.id}" in the config file)`,
    options,
    specs,
  };
}

/** The param specs of a game, flag or not (for messages and checks). */
export function paramSpecs(game: ParamOwner): OptionSpec[] {
  return Object.entries(game.params ?? {}).map(([name, decl]) => ({
    ...decl,
    name,
    flag: decl.flag ?? `--set ${game.id}.${name}`,
    default: decl.default,
    scope: 'config',
  })) as OptionSpec[];
}

function coerceParam(spec: OptionSpec, value: string | number | boolean): Coerced {
  if (spec.type === 'string' || spec.type === 'list') return coerceText(spec, String(value));
  return typeof value === 'string' ? coerceText(spec, value) : coerceJson(spec, value);
}

/** '"level" (setting), "path" (DIR|FILE)…': what a game takes, for error messages. */
export function describeParams(game: ParamOwner): string {
  const names = [
    ...Object.keys(game.settings ?? {}).map((k) => `${k} (setting)`),
    ...Object.keys(game.params ?? {}),
  ];
  return names.length === 0 ? `${game.id} takes no parameters` : `${game.id} takes: ${names.join(', ')}`;
}

/**
 * Checks `gameParams` (from --set and the config file) against what each game declares: a key
 * must be one of its settings or params, and a param value must fit its declaration. Values of
 * '*' (the game being played) are checked against `played`, or left alone without one. Returns
 * the params with declared values typed (numbers, booleans, lists joined), and every problem,
 * each naming the game, the key and what it takes. Ids of games not in `games` are left alone
 * (a config file may serve several games folders).
 */
export function checkGameParams(
  games: readonly ParamOwner[],
  gameParams: GameParams,
  played?: ParamOwner,
): { params: GameParams; problems: string[] } {
  const params: GameParams = {};
  const problems: string[] = [];
  for (const [id, values] of Object.entries(gameParams)) {
    const game = id === '*' ? played : games.find((g) => g.id === id);
    const into: Record<string, string | number | boolean> = {};
    params[id] = into;
    if (!game) {
      Object.assign(into, values);
      continue;
    }
    const specs = paramSpecs(game);
    for (const [key, value] of Object.entries(values)) {
      const where = id === '*' ? `--set ${key}=${String(value)}` : `${id}.${key}=${String(value)}`;
      if (game.settings && key in game.settings) {
        into[key] = value;
        continue;
      }
      const spec = specs.find((s) => s.name === key);
      if (!spec) {
        const near = closest(key, [...Object.keys(game.settings ?? {}), ...specs.map((s) => s.name)]);
        problems.push(
          `${where}: ${game.id} has no parameter "${key}"${near ? `; did you mean "${near}"?` : ''} (${describeParams(game)})`,
        );
        continue;
      }
      const result = coerceParam(spec, value);
      if (!result.ok) {
        problems.push(`${where}: ${result.allowed} (parameter "${key}" of ${game.id})`);
        continue;
      }
      const typed = result.value;
      into[key] = Array.isArray(typed) ? typed.join(delimiter) : typed;
    }
  }
  return { params, problems };
}
