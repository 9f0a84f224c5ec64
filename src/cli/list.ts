import type { AnyGame, SettingSpec } from '../engine/game.ts';

/** `ledtable list`: one line per game, or JSON with every field a tool may want. */
export function formatList(catalog: readonly AnyGame[], json: boolean): string {
  const entries = catalog.map((game) => ({
    id: game.id,
    title: game.title,
    kind: game.kind ?? 'game',
    players: game.players ?? { min: 1, max: 1 },
    description: game.description ?? '',
    settings: Object.fromEntries(
      Object.entries<SettingSpec>(game.settings ?? {}).map(([key, spec]) => [
        key,
        { label: spec.label, values: spec.values, default: spec.default ?? spec.values[0] },
      ]),
    ),
  }));
  if (json) return JSON.stringify(entries, null, 2);
  const idWidth = Math.max(2, ...entries.map((e) => e.id.length));
  const titleWidth = Math.max(5, ...entries.map((e) => e.title.length));
  return entries
    .map((e) => {
      const players =
        e.players.min === e.players.max ? `${e.players.min}` : `${e.players.min}-${e.players.max}`;
      const kind = e.kind === 'app' ? 'app ' : `${players}P`.padEnd(4);
      return `${e.id.padEnd(idWidth)}  ${e.title.padEnd(titleWidth)}  ${kind}  ${e.description}`;
    })
    .join('\n');
}
