import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NotationError, noteNumber, parseSounds } from '../../src/audio/notation.ts';

test('note names: c4 = 60, a4 = 69, sharps and flats, # after a letter is not a comment', () => {
  assert.is(noteNumber('c4'), 60);
  assert.is(noteNumber('a4'), 69);
  assert.is(noteNumber('c#4'), 61);
  assert.is(noteNumber('db4'), 61);
  assert.is(noteNumber('h4'), undefined);
  const [sound] = parseSounds('sfx x : f#4 g4 # a comment\n');
  assert.ok(sound?.kind === 'sfx');
  if (sound?.kind !== 'sfx') return;
  assert.equal(
    sound.lines[0]!.notes.map((n) => n.pitches),
    [[66], [67]],
  );
});

test('lengths, holds, rests, chords, slides and volumes', () => {
  const [sound] = parseSounds('sfx x speed=6 : c5:2 - . c4+e4+g4 c5>c6@0.5 .:3');
  if (sound?.kind !== 'sfx') throw new Error('expected an sfx');
  assert.is(sound.stepSeconds, 6 / 120);
  const notes = sound.lines[0]!.notes;
  assert.equal(
    notes.map((n) => [n.pitches.length, n.steps, n.slideTo, n.vol]),
    [
      [1, 3, undefined, 1],
      [0, 1, undefined, 0],
      [3, 1, undefined, 1],
      [1, 1, 84, 0.5],
      [0, 3, undefined, 0],
    ],
  );
});

test('music: parts on indented lines, continuations, bpm and steps set the grid', () => {
  const [music] = parseSounds(
    [
      'music theme bpm=120 steps=2 wave=triangle',
      '  part a : c4 d4',
      '    | e4 f4',
      '  part b wave=saw : c3:4',
    ].join('\n'),
  );
  if (music?.kind !== 'music') throw new Error('expected music');
  assert.is(music.stepSeconds, 0.25);
  assert.is(music.loop, true);
  assert.is(music.lines.length, 2);
  assert.is(music.lines[0]!.notes.length, 4);
  assert.is(music.lines[0]!.instrument.wave, 'triangle');
  assert.is(music.lines[1]!.instrument.wave, 'saw');
});

test('samples name a WAV file in the folder', () => {
  assert.equal(parseSounds('sample boom file=boom.wav vol=0.5'), [
    { kind: 'sample', name: 'boom', file: 'boom.wav', vol: 0.5, music: false },
  ]);
});

test('mistakes name the source, the line and the fix', () => {
  const cases: [string, RegExp][] = [
    ['sfx a : c4\nsfx a : d4', /line 2: "a" is defined twice/],
    ['sfx a wave=organ : c4', /line 1.*wave=organ is unknown; use one of square/],
    ['sfx a : c4 x9', /line 1.*"x9" in "x9" is not a note/],
    ['sfx a : - c4', /"-" holds the previous note, but there is none/],
    ['music m bpm=120', /no "part" lines/],
    ['sfx a env=1,2 : c4', /env=1,2 needs four values/],
    ['sound a : c4', /expected "sfx", "music" or "sample"/],
    ['sample s file=boom.mp3', /needs file=NAME.wav/],
    ['sfx a vol=2 : c4', /vol must be a number from 0 to 1/],
    ['sfx a', /no notes/],
  ];
  for (const [text, expected] of cases) {
    try {
      parseSounds(text, 'games/x/sounds.ts');
      assert.unreachable(`accepted: ${text}`);
    } catch (error) {
      assert.instance(error, NotationError);
      assert.match((error as Error).message, /^games\/x\/sounds\.ts line \d/);
      assert.match((error as Error).message, expected);
    }
  }
});

test.run();
