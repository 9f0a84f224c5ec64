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
  const seats = Math.max(players, 1);
  /** Which buttons each player holds, by index in BUTTONS. */
  const down = Array.from({ length: seats }, () => new Array<boolean>(BUTTONS.length).fill(false));
  let hash = 0x811c9dc5;
  for (let tick = 0; tick < options.ticks; tick++) {
    if (random.chance(activity)) {
      const player = random.int(seats);
      const button: Button = random.chance(0.01) ? 'back' : random.pick(PLAYING_BUTTONS);
      const held = down[player]!;
      const index = BUTTONS.indexOf(button);
      held[index] = !held[index];
      if (held[index]) harness.press(button, player);
      else harness.release(button, player);
    }
    // a tick waits only when the game has async work pending (loading); most ticks need no await
    if (harness.engine.busy) await harness.step(1);
    else harness.stepNow();
    hash = hashFrame(hash, harness.canvas.pixels);
    options.onTick?.(harness, tick);
  }
  return { harness, players, settings, hash };
}

/** Every button but back (pressed rarely, so the game is mostly played rather than paused). */
const PLAYING_BUTTONS = BUTTONS.filter((b) => b !== 'back');

const wordViews = new WeakMap<Uint8Array, Uint32Array | null>();

/**
 * FNV-1a over a frame, 32 bits at a time where the bytes are aligned (4× fewer steps than per
 * byte: the conformance test hashes about a billion bytes), then the bytes left over.
 */
function hashFrame(hash: number, pixels: Uint8Array): number {
  let words = wordViews.get(pixels);
  if (words === undefined) {
    words =
      pixels.byteOffset % 4 === 0
        ? new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length >> 2)
        : null;
    wordViews.set(pixels, words);
  }
  let h = hash;
  let i = 0;
  if (words) {
    for (; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) >>> 0;
    i *= 4;
  }
  for (; i < pixels.length; i++) h = Math.imul(h ^ pixels[i]!, 0x01000193) >>> 0;
  return h;
}
