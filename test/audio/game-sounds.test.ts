/**
 * Every game's sounds: they compile, every game (not app) has effects, and every piece of music
 * loops without a click or a gap (no sample step above a threshold at the loop point).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Mixer } from '../../src/audio/mixer.ts';
import { soundBank } from '../../src/audio/sound-bank.ts';
import { discoverGames } from '../../src/cli/discover.ts';

const RATE = 22050;
/** 5 % of full scale: a click at the loop point would be a jump of the music's own amplitude. */
const CLICK = 0.05 * 32767;
const { games } = await discoverGames();

test('every game has effects, and every sounds text compiles', () => {
  for (const game of games) {
    const bank = soundBank(game.sounds ?? '', game.id, RATE);
    if ((game.kind ?? 'game') === 'game') assert.ok(bank.effects.size > 0, `${game.id} has no effects`);
  }
});

test('Tetris, Snake and Life have music', () => {
  for (const id of ['tetris', 'snake', 'life']) {
    const game = games.find((g) => g.id === id)!;
    assert.ok(soundBank(game.sounds ?? '', id).music.has('theme'), `${id} has no theme`);
  }
});

for (const game of games) {
  const bank = soundBank(game.sounds ?? '', game.id, RATE);
  for (const [name, music] of bank.music) {
    test(`${game.id} music ${name} loops with no click and no gap`, () => {
      if (!music) throw new Error('not compiled');
      const mixer = new Mixer(RATE, 60);
      mixer.playMusic(music);
      const loop = music.length;
      const total = loop + RATE;
      const pcm = new Int16Array(total + 400);
      let at = 0;
      while (at < total) {
        const tick = mixer.renderTick();
        pcm.set(tick, at);
        at += tick.length;
      }
      let step = 0;
      // ±8 samples: a wrap-around discontinuity shows here; later steps are the new notes' own edges
      for (let i = loop - 8; i <= loop + 8; i++) step = Math.max(step, Math.abs(pcm[i]! - pcm[i - 1]!));
      assert.ok(step < CLICK, `a step of ${step} at the loop point (sample ${loop})`);
      const energy = (from: number) => {
        let sum = 0;
        for (let i = from; i < from + RATE / 4; i++) sum += pcm[i]! * pcm[i]!;
        return sum;
      };
      assert.ok(energy(loop) > 0.3 * energy(0), 'the second time round starts as loud as the first');
    });
  }
}

test.run();
