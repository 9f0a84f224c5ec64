/**
 * Any sound the notation accepts renders: random effects and music (waves, envelopes, slides,
 * arpeggios, rests, holds, volumes) compile, play to their end within their length, free their
 * voice, and never produce a sample outside 16 bits or a step at the start from silence.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Mixer } from '../../src/audio/mixer.ts';
import { WAVES } from '../../src/audio/notation.ts';
import { soundBank } from '../../src/audio/sound-bank.ts';

const RATE = 22050;
const pitch = fc
  .tuple(
    fc.constantFrom('c', 'd', 'e', 'f', 'g', 'a', 'b'),
    fc.constantFrom('', '#', 'b'),
    fc.integer({ min: 1, max: 8 }),
  )
  .map(([l, a, o]) => `${l}${a}${o}`);
const note = fc.oneof(
  pitch,
  fc.tuple(pitch, fc.integer({ min: 1, max: 6 })).map(([p, n]) => `${p}:${n}`),
  fc.tuple(pitch, pitch).map(([a, b]) => `${a}>${b}`),
  fc.array(pitch, { minLength: 2, maxLength: 4 }).map((ps) => ps.join('+')),
  fc.tuple(pitch, fc.integer({ min: 0, max: 10 })).map(([p, v]) => `${p}@${v / 10}`),
  fc.constant('.'),
);
const notes = fc
  .tuple(note, fc.array(fc.oneof(note, fc.constant('-')), { maxLength: 12 }))
  .map(([first, rest]) => [first, ...rest].join(' '));
const attrs = fc
  .record({
    wave: fc.constantFrom(...WAVES),
    duty: fc.integer({ min: 1, max: 99 }),
    vol: fc.integer({ min: 0, max: 10 }).map((v) => v / 10),
    env: fc
      .tuple(fc.nat(60), fc.nat(200), fc.integer({ min: 0, max: 10 }), fc.nat(200))
      .map(([a, d, s, r]) => `${a},${d},${s / 10},${r}`),
    arp: fc.integer({ min: 1, max: 8 }),
    vib: fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 12 })).map(([d, r]) => `${d / 2},${r}`),
  })
  .map((a) =>
    Object.entries(a)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );

test('every sfx the notation accepts renders to its end inside 16 bits', () => {
  fc.assert(
    fc.property(attrs, fc.integer({ min: 1, max: 12 }), notes, (keys, speed, line) => {
      const bank = soundBank(`sfx x ${keys} speed=${speed} : ${line}`, 'prop', RATE);
      const sound = bank.effects.get('x')!;
      const mixer = new Mixer(RATE, 60);
      mixer.play(sound);
      const first = mixer.renderTick();
      assert.ok(Math.abs(first[0]!) <= 1, 'starts from silence');
      let ticks = 1;
      while (mixer.activeEffects > 0 && ticks < 10000) {
        const pcm = mixer.renderTick();
        for (const s of pcm) assert.ok(Number.isInteger(s) && s >= -32768 && s <= 32767);
        ticks++;
      }
      assert.ok(ticks * (RATE / 60) <= sound.length + 2 * (RATE / 60), 'ends within its length');
    }),
    { numRuns: 60 },
  );
});

test('every music the notation accepts loops from where it started', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(attrs, notes), { minLength: 1, maxLength: 4 }), (parts) => {
      const text = ['music m bpm=240 steps=4', ...parts.map(([k, n], i) => `  part p${i} ${k} : ${n}`)].join(
        '\n',
      );
      const music = soundBank(text, 'prop', RATE).music.get('m')!;
      const mixer = new Mixer(RATE, 60);
      mixer.playMusic(music);
      const ticks = Math.ceil((music.length * 2.5) / (RATE / 60));
      for (let t = 0; t < ticks; t++) mixer.renderTick();
      assert.is(mixer.musicPlaying, music, 'still playing after two loops');
    }),
    { numRuns: 30 },
  );
});

test.run();
