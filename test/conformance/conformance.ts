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

  for (const game of games) {
    conformance(
      `${game.id}: ${seeds.length} seeds × ${TICKS} ticks of random input, deterministic`,
      async () => {
        const hashes = new Set<number>();
        for (const seed of seeds) {
          const run = await randomPlay(game, { seed, ticks: TICKS });
          const where = `${game.id} seed ${seed} (players ${run.players}, settings ${JSON.stringify(run.settings)})`;
          assert.is(run.harness.crash, undefined, `${where} crashed: ${run.harness.crash}`);
          assert.is(run.harness.engine.invalidWrites, 0, `${where} drew with invalid coordinates or colours`);
          hashes.add(run.hash);
          if (seed <= REPEATED_SEEDS) {
            const again = await randomPlay(game, { seed, ticks: TICKS });
            assert.is(again.hash, run.hash, `${where}: two runs with the same seed drew different frames`);
          }
        }
        assert.ok(
          hashes.size > 1 || game.kind === 'app',
          `${game.id}: seeds ${seeds.join(' ')} all drew the same frames`,
        );
      },
    );
  }

  conformance.run();
}
