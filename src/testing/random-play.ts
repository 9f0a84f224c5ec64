import type { AnyGame } from '../engine/game.ts';
import { Random } from '../engine/random.ts';
import { BUTTONS, type Button } from '../input/buttons.ts';
import { Harness } from './harness.ts';

export interface RandomPlayOptions {
  readonly seed: number;
  readonly ticks: number;
  /** Chance per tick that some button changes (default 0.3). */
  readonly activity?: number;
  /** Called after every tick (hashing, timing). */
  readonly onTick?: (harness: Harness, tick: number) => void;
}

export interface RandomPlayResult {
  readonly harness: Harness;
  readonly players: number;
  readonly settings: Record<string, string | number>;
  /** FNV-1a hash over every frame of the run. */
  readonly hash: number;
}

/**
 * Plays a game with seeded random input: a random player count and settings from the game's
 * declared ranges, then random presses and releases of every button of every player (back
 * rarely, so the game is mostly played rather than paused). The same seed gives the same run.
 */
export async function randomPlay(game: AnyGame, options: RandomPlayOptions): Promise<RandomPlayResult> {
  const random = new Random(options.seed ^ 0x5eed);
  const range = game.players ?? { min: 1, max: 1 };
  const players = random.range(range.min, range.max);
  const settings: Record<string, string | number> = {};
  for (const [key, spec] of Object.entries(game.settings ?? {}) as [
    string,
    { values: readonly (string | number)[] },
  ][]) {
    settings[key] = random.pick(spec.values);
  }
  const harness = await Harness.start(game, { seed: options.seed, players, settings });
  const activity = options.activity ?? 0.3;
  const down = new Set<string>();
  let hash = 0x811c9dc5;
  for (let tick = 0; tick < options.ticks; tick++) {
    if (random.chance(activity)) {
      const player = random.int(Math.max(players, 1));
      const button: Button = random.chance(0.01) ? 'back' : random.pick(BUTTONS.filter((b) => b !== 'back'));
      const key = `${player}:${button}`;
      if (down.has(key)) {
        down.delete(key);
        harness.release(button, player);
      } else {
        down.add(key);
        harness.press(button, player);
      }
    }
    await harness.step(1);
    const pixels = harness.canvas.pixels;
    for (let i = 0; i < pixels.length; i++) hash = Math.imul(hash ^ pixels[i]!, 0x01000193) >>> 0;
    options.onTick?.(harness, tick);
  }
  return { harness, players, settings, hash };
}
