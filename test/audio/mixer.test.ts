import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileSynth } from '../../src/audio/compile.ts';
import { EFFECT_VOICES, Mixer, MUSIC_FADE_SECONDS } from '../../src/audio/mixer.ts';
import { parseSounds, type SynthSound } from '../../src/audio/notation.ts';

const RATE = 22050;
function synth(text: string) {
  const [source] = parseSounds(text);
  return compileSynth(source as SynthSound, RATE);
}
const BEEP = synth('sfx beep wave=square vol=1 speed=12 : a4:4');
const TUNE = synth('music tune bpm=120 steps=4\n  part a wave=triangle vol=1 : c4 e4 g4 c5 g4 e4 c4 .');

test('ticks have floor(rate/fps) or one more samples, exact over any number of ticks', () => {
  for (const fps of [60, 50, 30, 7, 120]) {
    const mixer = new Mixer(RATE, fps);
    const lengths = new Set<number>();
    for (let n = 1; n <= 1000; n++) {
      lengths.add(mixer.renderTick().length);
      assert.is(mixer.samples, Math.floor((n * RATE) / fps), `fps ${fps} after ${n} ticks`);
    }
    assert.ok([...lengths].every((l) => l === Math.floor(RATE / fps) || l === Math.ceil(RATE / fps)));
  }
});

test('renderTick hands out the same two buffers every time (no allocation per tick)', () => {
  const mixer = new Mixer(RATE, 60);
  mixer.playMusic(TUNE);
  const views = new Set<Int16Array>();
  for (let i = 0; i < 600; i++) {
    if (i % 7 === 0) mixer.play(BEEP);
    views.add(mixer.renderTick());
  }
  assert.is(views.size, 2);
});

test('an effect starts on the first sample of the tick that played it', () => {
  const mixer = new Mixer(RATE, 60);
  for (let i = 0; i < 10; i++) assert.ok(mixer.renderTick().every((s) => s === 0));
  mixer.play(BEEP);
  const tick = mixer.renderTick();
  assert.is(tick[0], 0, 'the attack starts from zero');
  assert.ok(
    tick.slice(1, 40).some((s) => s !== 0),
    'and is audible within 2 ms',
  );
});

test('volume 0 is exact silence, with everything playing', () => {
  const mixer = new Mixer(RATE, 60);
  mixer.levels.volume = 0;
  mixer.playMusic(TUNE);
  for (let i = 0; i < EFFECT_VOICES; i++) mixer.play(BEEP);
  for (let i = 0; i < 120; i++) assert.ok(mixer.renderTick().every((s) => s === 0));
});

test('a ninth effect takes the voice that started first; effects off plays nothing', () => {
  const mixer = new Mixer(RATE, 60);
  for (let i = 0; i < EFFECT_VOICES; i++) {
    mixer.play(BEEP);
    mixer.renderTick();
  }
  assert.is(mixer.activeEffects, EFFECT_VOICES);
  assert.ok(mixer.play(BEEP));
  assert.is(mixer.activeEffects, EFFECT_VOICES);
  mixer.levels.effects = false;
  assert.not.ok(mixer.play(BEEP));
});

/** Largest difference between neighbouring samples of `pcm` in [from, to). */
function largestStep(pcm: Int16Array, from: number, to: number): number {
  let most = 0;
  for (let i = Math.max(1, from); i < Math.min(pcm.length, to); i++)
    most = Math.max(most, Math.abs(pcm[i]! - pcm[i - 1]!));
  return most;
}

function render(mixer: Mixer, ticks: number): Int16Array {
  const out: number[] = [];
  for (let i = 0; i < ticks; i++) out.push(...mixer.renderTick());
  return Int16Array.from(out);
}

test('pause fades the music out without a step, holds its place, and fades it back in', () => {
  const mixer = new Mixer(RATE, 60);
  mixer.playMusic(TUNE);
  render(mixer, 20);
  mixer.duck(true);
  const fade = render(mixer, 60);
  const fadeSamples = MUSIC_FADE_SECONDS * RATE;
  assert.ok(
    fade.slice(fadeSamples + 1).every((s) => s === 0),
    'silent once faded',
  );
  assert.ok(largestStep(fade, 0, fade.length) < 6000, 'a fade, not a cut');
  const before = render(mixer, 120);
  assert.ok(
    before.every((s) => s === 0),
    'holds while paused',
  );
  mixer.duck(false);
  const back = render(mixer, 60);
  assert.ok(
    back.some((s) => s !== 0),
    'comes back',
  );
  assert.is(back[0], 0, 'from silence');
});

test('stopping the music fades it; a new piece starts once the old one is silent', () => {
  const mixer = new Mixer(RATE, 60);
  mixer.playMusic(TUNE);
  render(mixer, 10);
  mixer.playMusic(undefined);
  assert.is(mixer.musicPlaying, undefined);
  const out = render(mixer, 40);
  assert.ok(out.slice(MUSIC_FADE_SECONDS * RATE + 1).every((s) => s === 0));
});

test.run();
