import type { AnyGame, GameStore, SettingSpecs } from '../engine/game.ts';
import { PLAYER_COLORS } from '../gfx/color.ts';
import type { Graphics } from '../gfx/graphics.ts';
import { ChoiceScreen } from './choice-screen.ts';
import type { TableHost } from './host.ts';

const LABEL_Y = 0;
/** A player figure (3×5) for the PLAYERS line: lit for each chosen player, dim for the others. */
const FIGURE = ['.#.', '###', '.#.', '#.#', '#.#'];
const FIGURE_OFF = 0x303030;

interface Choice {
  readonly key: string;
  readonly label: string;
  readonly values: readonly (string | number)[];
  index: number;
}

/**
 * Chooses the player count and the game's settings before it starts, on the shared choice
 * screen: up/down picks the line, left/right the value, A or start plays, back returns to the
 * menu. Choices are remembered per game in `store` (the table's own store, not the game's).
 */
export class SetupScreen extends ChoiceScreen {
  constructor(host: TableHost, definition: AnyGame, store: GameStore) {
    const choices = initialChoices(host, definition, store);
    super({
      title: `${definition.title} setup`,
      valueMargin: 4,
      lines: choices.map((choice) => ({
        label: choice.label,
        value: () => String(choice.values[choice.index]).toUpperCase(),
        ...(choice.values.length > 1
          ? {
              step: (direction: number) => {
                choice.index = (choice.index + direction + choice.values.length) % choice.values.length;
              },
            }
          : {}),
        ...(choice.key === 'players' ? { drawLabel: (g: Graphics) => drawFigures(g, choice) } : {}),
      })),
      onBack: () => host.pop(),
      onConfirm: () => {
        const picked: Record<string, string | number> = {};
        for (const choice of choices) picked[choice.key] = choice.values[choice.index]!;
        store.set(definition.id, picked);
        const { players, ...settings } = picked;
        host.play(definition, { ...(players === undefined ? {} : { players: Number(players) }), settings });
      },
    });
  }
}

/** The lines of a game's setup with their remembered (or default) values. */
function initialChoices(host: TableHost, definition: AnyGame, store: GameStore): Choice[] {
  const choices: Choice[] = [];
  const remembered = store.get<Record<string, string | number>>(definition.id) ?? {};
  const players = definition.players ?? { min: 1, max: 1 };
  if (players.max > players.min) {
    const values = Array.from({ length: players.max - players.min + 1 }, (_, i) => players.min + i);
    choices.push({ key: 'players', label: 'PLAYERS', values, index: 0 });
  }
  const specs: SettingSpecs = definition.settings ?? {};
  for (const [key, spec] of Object.entries(specs)) {
    choices.push({ key, label: spec.label.toUpperCase(), values: spec.values, index: 0 });
  }
  for (const choice of choices) {
    const wanted =
      remembered[choice.key] ??
      (choice.key === 'players'
        ? host.controls?.defaultPlayers() // the table's default player count (0 = the minimum)
        : (specs[choice.key]?.default ?? choice.values[0]));
    // A remembered value the game no longer offers falls back to its default, not the first value.
    const fallback =
      choice.key === 'players' ? choice.values[0] : (specs[choice.key]?.default ?? choice.values[0]);
    const index = choice.values.findIndex((v) => String(v) === String(wanted));
    choice.index = Math.max(
      0,
      index >= 0 ? index : choice.values.findIndex((v) => String(v) === String(fallback)),
    );
  }
  return choices;
}

/**
 * The PLAYERS label as figures: one per possible player, the chosen ones lit in their player
 * colours. Returns false (draw the word instead) when they do not fit on the label row.
 */
function drawFigures(g: Graphics, choice: Choice): boolean {
  const count = Number(choice.values[choice.index]);
  const max = Number(choice.values[choice.values.length - 1]);
  const width = max * 4 - 1;
  if (!(max <= PLAYER_COLORS.length && width <= g.width)) return false;
  const x0 = Math.floor((g.width - width) / 2);
  for (let p = 0; p < max; p++) {
    const color = p < count ? PLAYER_COLORS[p]! : FIGURE_OFF;
    for (let y = 0; y < FIGURE.length; y++) {
      const row = FIGURE[y]!;
      for (let x = 0; x < row.length; x++) if (row[x] === '#') g.set(x0 + p * 4 + x, LABEL_Y + y, color);
    }
  }
  return true;
}
