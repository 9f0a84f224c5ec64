/**
 * Every game and app in games/, without registration: 20 seeds × 3,600 ticks of seeded random
 * input each. Fails on any exception (the engine logs crashes), any invalid draw, and any
 * difference between two runs of the same seed (seeds 1–3 run twice).
 *
 * The seeds are dealt out to PARTS test files (part k gets seeds k, k + PARTS, …), so the
 * runner can spread the suite's largest piece of work over its shards; every part plays every
 * game, and each part checks that its own seeds did not all draw the same frames.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import type { AnyGame } from '../../src/engine/game.ts';
import { randomPlay } from '../../src/testing/random-play.ts';

const SEEDS = 20;
const TICKS = 3600;
const REPEATED_SEEDS = 3;
/** How many part-N.test.ts files there are (a test below checks that each exists). */
export const PARTS = 4;

/** Queues and runs the suite of part `part` (1…PARTS). */
export async function conformancePart(part: number): Promise<void> {
  const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1).filter(
    (seed) => (seed - 1) % PARTS === part - 1,
  );
  const { games, problems } = await discoverGames();
  const conformance = suite(`conformance, seeds ${seeds.join(' ')}`);

  conformance('every folder in games/ loads as a game', () => {
    assert.equal(problems, []);
    assert.ok(games.length > 0, 'no games found');
  });

  // Every game's seeds start together when the suite starts (not at import, where they would
  // run between other files' tests): while one game waits for its files (the picture viewer, the
  // TPM2 player), the others play, so the core does not idle. Each game's test awaits its own.
  const played = new Map<AnyGame, Promise<Played>>();
  conformance.before(() => {
    for (const game of games) played.set(game, playSeeds(game, seeds));
  });

  for (const game of games) {
    conformance(
      `${game.id}: ${seeds.length} seeds × ${TICKS} ticks of random input, deterministic`,
      async () => {
        const result = await played.get(game);
        if (!result || 'error' in result) throw result?.error ?? new Error('not played');
        for (const run of result.runs) {
          assert.is(run.crash, undefined, `${run.where} crashed: ${run.crash}`);
          assert.is(run.invalidWrites, 0, `${run.where} drew with invalid coordinates or colours`);
          if (run.again !== undefined)
            assert.is(run.again, run.hash, `${run.where}: two runs with the same seed drew different frames`);
        }
        assert.ok(
          new Set(result.runs.map((r) => r.hash)).size > 1 || game.kind === 'app',
          `${game.id}: seeds ${seeds.join(' ')} all drew the same frames`,
        );
      },
    );
  }

  conformance.run();
}

/** What one seed's run left to check. */
interface SeedRun {
  /** The game, seed, players and settings, for messages. */
  readonly where: string;
  readonly crash: string | undefined;
  readonly invalidWrites: number;
  readonly hash: number;
  /** The hash of the same seed played again (seeds 1…REPEATED_SEEDS). */
  readonly again: number | undefined;
}

/** A game's runs, or what was thrown while playing them (kept, so nothing rejects unawaited). */
type Played = { readonly runs: readonly SeedRun[] } | { readonly error: unknown };

/** Plays `seeds` of `game` one after another. */
async function playSeeds(game: AnyGame, seeds: readonly number[]): Promise<Played> {
  try {
    const runs: SeedRun[] = [];
    for (const seed of seeds) {
      const run = await randomPlay(game, { seed, ticks: TICKS });
      const again =
        seed <= REPEATED_SEEDS ? (await randomPlay(game, { seed, ticks: TICKS })).hash : undefined;
      runs.push({
        where: `${game.id} seed ${seed} (players ${run.players}, settings ${JSON.stringify(run.settings)})`,
        crash: run.harness.crash,
        invalidWrites: run.harness.engine.invalidWrites,
        hash: run.hash,
        again,
      });
    }
    return { runs };
  } catch (error) {
    return { error };
  }
}
