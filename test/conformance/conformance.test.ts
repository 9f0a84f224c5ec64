/**
 * Every game and app in games/, without registration: 20 seeds × 3,600 ticks of seeded random
 * input each. Fails on any exception (the engine logs crashes), any invalid draw, and any
 * difference between two runs of the same seed (seeds 1–3 run twice).
 *
 * The suite's largest piece of work is shared out at run time: test/run.ts runs this file in
 * every shard, last, and each (game, seed) is played by whichever shard claims it first
 * (test/helpers/shared-work.ts), so the shard that ends its other files first plays more and
 * the shards end together. Each shard then checks every game over all 20 seeds.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import type { AnyGame } from '../../src/engine/game.ts';
import { randomPlay } from '../../src/testing/random-play.ts';
import { SharedWork } from '../helpers/shared-work.ts';

const SEEDS = 20;
const TICKS = 3600;
const REPEATED_SEEDS = 3;
/** Seeds played at once here: while one game waits for its files (viewer, TPM2), others play. */
const PLAYERS_AT_ONCE = 4;
/** How long a check waits for the seeds another shard is still playing. */
const WAIT_MS = 120_000;

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

const { games, problems } = await discoverGames();
const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);
const itemOf = (game: AnyGame, seed: number) => `${game.id}-${seed}`;
const work = new SharedWork<SeedRun>('conformance');

const conformance = suite(`conformance, ${SEEDS} seeds × ${TICKS} ticks, shared between shards`);

conformance('every folder in games/ loads as a game', () => {
  assert.equal(problems, []);
  assert.ok(games.length > 0, 'no games found');
});

// Playing starts when the suite does (not at import, where it would run between other files'
// tests) and goes on while the checks below wait for results. Seed by seed, every game: what is
// left to share at the end is one short run per game.
conformance.before(() => {
  const jobs = seeds.flatMap((seed) =>
    games.map((game) => [itemOf(game, seed), () => playSeed(game, seed)] as const),
  );
  work.share(new Map(jobs), PLAYERS_AT_ONCE);
});

for (const game of games) {
  conformance(`${game.id}: ${SEEDS} seeds × ${TICKS} ticks of random input, deterministic`, async () => {
    const items = seeds.map((seed) => itemOf(game, seed));
    const runs = [...(await work.results(items, WAIT_MS)).values()];
    for (const run of runs) {
      assert.is(run.crash, undefined, `${run.where} crashed: ${run.crash}`);
      assert.is(run.invalidWrites, 0, `${run.where} drew with invalid coordinates or colours`);
      if (run.again !== undefined)
        assert.is(run.again, run.hash, `${run.where}: two runs with the same seed drew different frames`);
    }
    assert.ok(
      new Set(runs.map((r) => r.hash)).size > 1 || game.kind === 'app',
      `${game.id}: all ${SEEDS} seeds drew the same frames`,
    );
  });
}

conformance.run();

/** Plays one seed (twice for the first REPEATED_SEEDS); what it throws is recorded as a crash. */
async function playSeed(game: AnyGame, seed: number): Promise<SeedRun> {
  try {
    const run = await randomPlay(game, { seed, ticks: TICKS });
    const again = seed <= REPEATED_SEEDS ? (await randomPlay(game, { seed, ticks: TICKS })).hash : undefined;
    return {
      where: `${game.id} seed ${seed} (players ${run.players}, settings ${JSON.stringify(run.settings)})`,
      crash: run.harness.crash,
      invalidWrites: run.harness.engine.invalidWrites,
      hash: run.hash,
      again,
    };
  } catch (error) {
    return {
      where: `${game.id} seed ${seed}`,
      crash: String(error),
      invalidWrites: 0,
      hash: 0,
      again: undefined,
    };
  }
}
