import { delimiter } from 'node:path';
import type { GameParams, OptionGroup } from '../config/options.ts';
import { type ParamOwner, paramFlags } from '../config/params.ts';

/** The option groups of games' flagged params (the viewer's --path…), one per game that has any. */
export function gameOptionGroups(catalog: readonly ParamOwner[]): OptionGroup[] {
  return catalog.map(paramFlags).filter((group) => group.specs.length > 0);
}

/**
 * Flagged params reach their game from the option of the same name (default included), under
 * what `games.<id>` and `--set <id>.key` name explicitly. Lists are joined by the path delimiter.
 */
export function withFlaggedParams(
  catalog: readonly ParamOwner[],
  options: Readonly<Record<string, unknown>>,
  gameParams: GameParams,
): GameParams {
  const out: GameParams = { ...gameParams };
  for (const game of catalog) {
    const group = paramFlags(game);
    if (group.specs.length === 0) continue;
    const fromFlags: Record<string, string | number | boolean> = {};
    for (const spec of group.specs) {
      const value = options[spec.name];
      if (Array.isArray(value)) fromFlags[spec.name] = value.join(delimiter);
      else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        fromFlags[spec.name] = value;
    }
    out[game.id] = { ...fromFlags, ...gameParams[game.id] };
  }
  return out;
}
