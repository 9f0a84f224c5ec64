/**
 * The sound notation: effects and music as short text (PICO-8 in spirit, our own syntax; the
 * reference is docs/api.md "Sound"). This file only parses; compile.ts turns the result into
 * sample positions for one sample rate.
 *
 * ```
 * sfx lock wave=square speed=4 env=1,40,0.3,20 : c5 g4
 * music theme bpm=144 steps=2
 *   part lead wave=pulse duty=25 : e5:2 b4 c5 d5:2 c5 b4
 *   part bass wave=triangle      : e2 e3 e2 e3 e2 e3 e2 e3
 * sample boom file=boom.wav vol=0.8
 * ```
 */

export const WAVES = ['square', 'pulse', 'triangle', 'saw', 'sine', 'noise'] as const;
export type Wave = (typeof WAVES)[number];

/** How one line of notes sounds. Times in milliseconds, levels 0..1. */
export interface Instrument {
  readonly wave: Wave;
  /** Pulse width in percent (square is 50). */
  readonly duty: number;
  /** Loudness of the line, 0..1. */
  readonly vol: number;
  readonly attackMs: number;
  readonly decayMs: number;
  /** Level held after the decay, 0..1 of the note's volume. */
  readonly sustain: number;
  /** Fade at the end of every note (inside the note's length). */
  readonly releaseMs: number;
  /** Length of one arpeggio step in 1/120 s. */
  readonly arp: number;
  /** Vibrato depth in semitones (0 = none) and rate in Hz. */
  readonly vibDepth: number;
  readonly vibRate: number;
}

/** One note or rest; `steps` is its length in steps of the sound's grid. */
export interface Note {
  /** MIDI numbers (60 = c4... see noteNumber); several = arpeggio; empty = rest. */
  readonly pitches: readonly number[];
  /** Target MIDI number of a slide over the note's length (`c5>c6`), or undefined. */
  readonly slideTo: number | undefined;
  readonly steps: number;
  /** Per-note volume factor (`c5@0.5`), 0..1. */
  readonly vol: number;
}

export interface Line {
  readonly instrument: Instrument;
  readonly notes: readonly Note[];
}

/** A grid of steps: each step lasts `stepSeconds`. */
export interface SynthSound {
  readonly kind: 'sfx' | 'music';
  readonly name: string;
  readonly stepSeconds: number;
  /** sfx: one line; music: one per part, played in lockstep. */
  readonly lines: readonly Line[];
  /** Music loops by default; an sfx never does. */
  readonly loop: boolean;
}

export interface SampleSound {
  readonly kind: 'sample';
  readonly name: string;
  /** WAV file name, relative to the game's folder. */
  readonly file: string;
  readonly vol: number;
  /** Play it as music (looping) rather than as an effect. */
  readonly music: boolean;
}

export type SoundSource = SynthSound | SampleSound;

/** A parse problem: message names the line so the author can find it. */
export class NotationError extends Error {}

const DEFAULT_INSTRUMENT: Instrument = {
  wave: 'square',
  duty: 50,
  vol: 0.6,
  attackMs: 2,
  decayMs: 0,
  sustain: 1,
  releaseMs: 12,
  arp: 2,
  vibDepth: 0,
  vibRate: 6,
};

/** Default step of an sfx: speed 8 = 8/120 s. */
const DEFAULT_SPEED = 8;
const NAME = /^[a-z][a-z0-9_-]*$/;

/**
 * Parses a whole sounds text (the `sounds` field of a game). `source` names it in errors
 * (e.g. "games/tetris/sounds.ts"). Every definition's name must be unique.
 */
export function parseSounds(text: string, source = 'sounds'): SoundSource[] {
  const sounds: SoundSource[] = [];
  const names = new Set<string>();
  let music: { name: string; header: Record<string, string>; lineNo: number; parts: PartText[] } | undefined;
  let sfx: { name: string; attrs: Record<string, string>; notes: string; lineNo: number } | undefined;
  let part: PartText | undefined;

  const finish = () => {
    if (sfx) sounds.push(buildSfx(sfx, source));
    if (music) sounds.push(buildMusic(music, source));
    sfx = undefined;
    music = undefined;
    part = undefined;
  };
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const at = `${source} line ${lineNo}`;
    const line = raw.replace(/(^|\s)#.*$/, '').trimEnd(); // '#' after a space: c#4 is a note
    if (line.trim() === '') return;
    const indented = /^\s/.test(line);
    const [head, notes] = splitColon(line.trim());
    const words = head.split(/\s+/);
    const keyword = words[0]!;
    if (!indented) {
      finish();
      const name = words[1] ?? '';
      if (!NAME.test(name)) {
        throw new NotationError(
          `${at}: "${keyword}" needs a name of lowercase letters, digits, - or _ (got "${name}")`,
        );
      }
      if (names.has(name)) throw new NotationError(`${at}: "${name}" is defined twice`);
      names.add(name);
      const attrs = parseAttrs(words.slice(2), at);
      if (keyword === 'sfx') sfx = { name, attrs, notes: notes ?? '', lineNo };
      else if (keyword === 'music') {
        if (notes !== undefined)
          throw new NotationError(`${at}: music has no notes itself; put them in indented "part" lines`);
        music = { name, header: attrs, lineNo, parts: [] };
      } else if (keyword === 'sample') {
        if (notes !== undefined) throw new NotationError(`${at}: a sample has no notes, only file=NAME.wav`);
        sounds.push(buildSample(name, attrs, at));
      } else {
        throw new NotationError(`${at}: expected "sfx", "music" or "sample", got "${keyword}"`);
      }
      return;
    }
    if (music && keyword === 'part') {
      part = { attrs: parseAttrs(words.slice(2), at), notes: notes ?? '', lineNo, name: words[1] ?? '' };
      music.parts.push(part);
      return;
    }
    const continuation = line.trim();
    if (music && part) part.notes += ` ${continuation}`;
    else if (sfx) sfx.notes += ` ${continuation}`;
    else throw new NotationError(`${at}: an indented line must continue an sfx or a music part`);
  });
  finish();
  return sounds;
}

interface PartText {
  name: string;
  attrs: Record<string, string>;
  notes: string;
  lineNo: number;
}

/** The header ends at the first ":" followed by a space or the end of the line (`c5:4` never is). */
function splitColon(line: string): [string, string | undefined] {
  const match = /:(\s|$)/.exec(line);
  if (!match) return [line, undefined];
  return [line.slice(0, match.index).trim(), line.slice(match.index + 1).trim()];
}

function parseAttrs(words: readonly string[], at: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const word of words) {
    if (word === '') continue;
    const eq = word.indexOf('=');
    if (eq <= 0) throw new NotationError(`${at}: "${word}" should be key=value (e.g. wave=square)`);
    attrs[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return attrs;
}

const INSTRUMENT_KEYS = ['wave', 'duty', 'vol', 'env', 'arp', 'vib'];

function instrumentOf(attrs: Record<string, string>, at: string, base = DEFAULT_INSTRUMENT): Instrument {
  const wave = attrs.wave ?? base.wave;
  if (!(WAVES as readonly string[]).includes(wave)) {
    throw new NotationError(`${at}: wave=${wave} is unknown; use one of ${WAVES.join(', ')}`);
  }
  let duty =
    attrs.duty === undefined ? (wave === 'pulse' ? 25 : base.duty) : num(attrs.duty, 'duty', at, 1, 99);
  if (wave === 'square') duty = 50;
  const vol = attrs.vol === undefined ? base.vol : num(attrs.vol, 'vol', at, 0, 1);
  let { attackMs, decayMs, sustain, releaseMs } = base;
  if (attrs.env !== undefined) {
    const parts = attrs.env.split(',');
    if (parts.length !== 4) {
      throw new NotationError(
        `${at}: env=${attrs.env} needs four values: attack ms, decay ms, sustain 0..1, release ms`,
      );
    }
    attackMs = num(parts[0]!, 'env attack', at, 0, 10000);
    decayMs = num(parts[1]!, 'env decay', at, 0, 10000);
    sustain = num(parts[2]!, 'env sustain', at, 0, 1);
    releaseMs = num(parts[3]!, 'env release', at, 0, 10000);
  }
  const arp = attrs.arp === undefined ? base.arp : num(attrs.arp, 'arp', at, 1, 120);
  let { vibDepth, vibRate } = base;
  if (attrs.vib !== undefined) {
    const [depth, rate] = attrs.vib.split(',');
    vibDepth = num(depth ?? '', 'vib depth', at, 0, 12);
    vibRate = rate === undefined ? 6 : num(rate, 'vib rate', at, 0.1, 30);
  }
  return { wave: wave as Wave, duty, vol, attackMs, decayMs, sustain, releaseMs, arp, vibDepth, vibRate };
}

function num(text: string, key: string, at: string, min: number, max: number): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new NotationError(`${at}: ${key} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function checkKeys(attrs: Record<string, string>, allowed: readonly string[], at: string): void {
  for (const key of Object.keys(attrs)) {
    if (!allowed.includes(key))
      throw new NotationError(`${at}: unknown key "${key}"; allowed: ${allowed.join(', ')}`);
  }
}

function buildSfx(
  sfx: { name: string; attrs: Record<string, string>; notes: string; lineNo: number },
  source: string,
): SynthSound {
  const at = `${source} line ${sfx.lineNo} (sfx ${sfx.name})`;
  checkKeys(sfx.attrs, [...INSTRUMENT_KEYS, 'speed'], at);
  const speed = sfx.attrs.speed === undefined ? DEFAULT_SPEED : num(sfx.attrs.speed, 'speed', at, 1, 255);
  const notes = parseNotes(sfx.notes, at);
  if (notes.length === 0) throw new NotationError(`${at}: no notes after the ":"`);
  return {
    kind: 'sfx',
    name: sfx.name,
    stepSeconds: speed / 120,
    lines: [{ instrument: instrumentOf(sfx.attrs, at), notes }],
    loop: false,
  };
}

function buildMusic(
  music: { name: string; header: Record<string, string>; lineNo: number; parts: PartText[] },
  source: string,
): SynthSound {
  const at = `${source} line ${music.lineNo} (music ${music.name})`;
  checkKeys(music.header, [...INSTRUMENT_KEYS, 'bpm', 'steps', 'loop', 'speed'], at);
  if (music.parts.length === 0) throw new NotationError(`${at}: no "part" lines below it`);
  if (music.parts.length > 4)
    throw new NotationError(`${at}: at most 4 parts (it has ${music.parts.length})`);
  let stepSeconds: number;
  if (music.header.bpm !== undefined) {
    const bpm = num(music.header.bpm, 'bpm', at, 20, 400);
    const steps = music.header.steps === undefined ? 4 : num(music.header.steps, 'steps', at, 1, 16);
    stepSeconds = 60 / bpm / steps;
  } else {
    stepSeconds =
      (music.header.speed === undefined ? DEFAULT_SPEED : num(music.header.speed, 'speed', at, 1, 255)) / 120;
  }
  const loop = (music.header.loop ?? 'yes') !== 'no';
  const base = instrumentOf(music.header, at);
  const lines = music.parts.map((part) => {
    const partAt = `${source} line ${part.lineNo} (music ${music.name}, part ${part.name})`;
    checkKeys(part.attrs, INSTRUMENT_KEYS, partAt);
    const notes = parseNotes(part.notes, partAt);
    if (notes.length === 0) throw new NotationError(`${partAt}: no notes after the ":"`);
    return { instrument: instrumentOf(part.attrs, partAt, base), notes };
  });
  return { kind: 'music', name: music.name, stepSeconds, lines, loop };
}

function buildSample(name: string, attrs: Record<string, string>, at: string): SampleSound {
  checkKeys(attrs, ['file', 'vol', 'music'], at);
  const file = attrs.file ?? '';
  if (!/^[A-Za-z0-9_.-]+\.wav$/i.test(file)) {
    throw new NotationError(`${at}: sample ${name} needs file=NAME.wav (a WAV file in the game's folder)`);
  }
  return {
    kind: 'sample',
    name,
    file,
    vol: attrs.vol === undefined ? 1 : num(attrs.vol, 'vol', at, 0, 1),
    music: attrs.music === 'yes',
  };
}

const NOTE = /^([a-g])(#|b)?(\d)$/;
const SEMITONE: Readonly<Record<string, number>> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

/** MIDI number of a note name: c4 = 60, a4 = 69 (440 Hz), c#4 = db4 = 61. */
export function noteNumber(name: string): number | undefined {
  const match = NOTE.exec(name);
  if (!match) return undefined;
  const shift = match[2] === '#' ? 1 : match[2] === 'b' ? -1 : 0;
  return 12 * (Number(match[3]) + 1) + SEMITONE[match[1]!]! + shift;
}

/**
 * Notes separated by spaces; `|` bar lines are ignored. A token is
 * `PITCH[+PITCH...][>PITCH][:STEPS][@VOL]`, `.` (a rest of one step, `.:4` four steps) or `-`
 * (holds the previous note one step longer, without striking it again).
 */
export function parseNotes(text: string, at: string): Note[] {
  const notes: Note[] = [];
  for (const token of text.split(/\s+/)) {
    if (token === '' || token === '|') continue;
    if (token === '-') {
      const last = notes.pop();
      if (!last) throw new NotationError(`${at}: "-" holds the previous note, but there is none`);
      notes.push({ ...last, steps: last.steps + 1 });
      continue;
    }
    const match = /^([^:@]+)(?::(\d+))?(?:@([\d.]+))?$/.exec(token);
    if (!match)
      throw new NotationError(`${at}: cannot read the note "${token}" (e.g. c5, c#4:2, c4+e4+g4, c5>c6, .)`);
    const steps = match[2] === undefined ? 1 : Number(match[2]);
    if (steps < 1 || steps > 256) throw new NotationError(`${at}: "${token}": a length must be 1..256 steps`);
    const vol = match[3] === undefined ? 1 : num(match[3], `"${token}" volume`, at, 0, 1);
    const body = match[1]!;
    if (body === '.') {
      notes.push({ pitches: [], slideTo: undefined, steps, vol: 0 });
      continue;
    }
    const [chord, slide] = body.split('>');
    const pitches = (chord ?? '').split('+').map((name) => {
      const n = noteNumber(name);
      if (n === undefined)
        throw new NotationError(`${at}: "${name}" in "${token}" is not a note like c4, f#5 or bb3`);
      return n;
    });
    let slideTo: number | undefined;
    if (slide !== undefined) {
      slideTo = noteNumber(slide);
      if (slideTo === undefined)
        throw new NotationError(`${at}: slide target "${slide}" in "${token}" is not a note`);
    }
    notes.push({ pitches, slideTo, steps, vol });
  }
  return notes;
}
