import { SOUNDS } from '../../../games/tetris/sounds.ts';
import { compileSynth } from '../../audio/compile.ts';
import { DEFAULT_SAMPLE_RATE, EFFECT_VOICES, Mixer } from '../../audio/mixer.ts';
import { parseSounds, type SynthSound } from '../../audio/notation.ts';
import { onPath } from '../../audio/open-output.ts';
import { alsaPlayer, PlayerSink } from '../../audio/player-sink.ts';
import { soundBank } from '../../audio/sound-bank.ts';
import { RealClock } from '../../engine/clock.ts';
import { type BenchSection, percentiles } from './section.ts';

const FPS = 60;
const TICKS = 3600;
const REAL_SECONDS = 3;
const BUFFER_MS = 32;

/** A long, busy effect (arpeggio, slide, vibrato, noise) to keep all 8 voices working. */
const BUSY = `
sfx busy wave=pulse speed=2 vib=0.3,6 arp=2 : c4+e4+g4:20 c5>c6:20 g4+b4+d5:20
sfx hiss wave=noise speed=2 : c5:40 c3>c6:20
`;

/**
 * The mixer's cost per tick with 8 effect voices and Tetris' three-part theme all playing (60 s
 * of sound), and, when aplay exists, the tick → speaker latency the player output keeps over 3 s
 * of real time (estimated from what was written and the time passed: aplay to the null device
 * has no clock of its own here).
 */
export const audioBench: BenchSection = {
  title: 'Sound: mixer per tick (8 voices + music), latency',
  async run(_table, report) {
    const mixer = new Mixer(DEFAULT_SAMPLE_RATE, FPS);
    const theme = soundBank(SOUNDS, 'tetris', DEFAULT_SAMPLE_RATE).music.get('theme')!;
    const effects = parseSounds(BUSY).map((s) => compileSynth(s as SynthSound, DEFAULT_SAMPLE_RATE));
    mixer.playMusic(theme);
    const samples = new Float64Array(TICKS);
    let cpu = process.cpuUsage();
    for (let t = -300; t < TICKS; t++) {
      if (t === 0) cpu = process.cpuUsage(); // after 5 s of warm-up
      while (mixer.activeEffects < EFFECT_VOICES) mixer.play(effects[(t + 300) % effects.length]!);
      const start = performance.now();
      mixer.renderTick();
      if (t >= 0) samples[t] = (performance.now() - start) * 1000;
    }
    const used = process.cpuUsage(cpu);
    const cost = percentiles(Array.from(samples));
    // CPU time, not wall time: on a loaded machine a tick that was preempted is not the mixer's cost
    const cpuPerTick = (used.user + used.system) / TICKS;
    const round = (v: number) => Math.round(v * 10) / 10;
    report({ name: 'median per tick', value: round(cost.median), unit: 'µs' });
    report({ name: 'p99 per tick', value: round(cost.p99), unit: 'µs' });
    report({ name: 'CPU time per tick (mean)', value: round(cpuPerTick), unit: 'µs' });
    report({
      name: 'CPU at 60 Hz (CPU time per tick × 60)',
      value: Math.round(((cpuPerTick * FPS) / 1e6) * 100 * 100) / 100,
      unit: '% of a core',
      note: 'aim < 5',
    });
    if (!onPath('aplay', process.env)) {
      report({ name: 'tick → speaker latency', value: 0, unit: 'ms', note: 'skipped: aplay not installed' });
      return;
    }
    const sink = new PlayerSink({
      player: alsaPlayer(DEFAULT_SAMPLE_RATE, BUFFER_MS, 'null'),
      rate: DEFAULT_SAMPLE_RATE,
      fps: FPS,
      bufferMs: BUFFER_MS,
      log: () => {},
    });
    const latency: number[] = [];
    const writes: number[] = [];
    const clock = new RealClock();
    const started = performance.now();
    await new Promise<void>((resolve) => {
      clock.start(FPS, (due) => {
        for (let i = 0; i < due; i++) {
          const pcm = mixer.renderTick();
          const start = performance.now();
          sink.write(pcm);
          writes.push((performance.now() - start) * 1000);
          latency.push(sink.stats.latencyMs);
        }
        if (performance.now() - started >= REAL_SECONDS * 1000) {
          clock.stop();
          resolve();
        }
      });
    });
    await sink.close();
    const lat = percentiles(latency.slice(FPS)); // after the first second
    report({ name: 'tick → speaker latency, median (estimate)', value: round(lat.median), unit: 'ms' });
    report({
      name: 'tick → speaker latency, max (estimate)',
      value: round(lat.max),
      unit: 'ms',
      note: `aim ≤ 50; buffer ${BUFFER_MS} ms`,
    });
    report({ name: 'write to the player, median', value: round(percentiles(writes).median), unit: 'µs' });
    report({ name: 'underruns in 3 s', value: sink.stats.underruns, unit: '' });
    report({ name: 'ticks dropped (queue full) in 3 s', value: sink.dropped, unit: '' });
  },
};
