import { type AudioInput, type Color, defineGame, dim, hsv, mix, sprite } from '../../src/index.ts';
import { AutoGain } from './gain.ts';
import { rmsDb, Spectrum } from './spectrum.ts';

const FACES = ['bars', 'vu', 'wave'] as const;
const PALETTES = ['classic', 'ice', 'fire', 'rainbow'] as const;
const WINDOW = 1024;
/** How fast a bar may fall, in rows per second (it rises at once); peak dots hold, then fall. */
const FALL = 40;
const PEAK_HOLD_SECONDS = 0.6;
const PEAK_FALL = 12;

/** Colour of a lit pixel at height share h (0 bottom .. 1 top) in band share b (0 left .. 1 right). */
function shade(palette: (typeof PALETTES)[number], h: number, b: number): Color {
  switch (palette) {
    case 'classic':
      return h < 0.6 ? mix(0x00d040, 0xffd000, h / 0.6) : mix(0xffd000, 0xff2000, (h - 0.6) / 0.4);
    case 'ice':
      return mix(0x0030ff, 0xe0ffff, h);
    case 'fire':
      return h < 0.5 ? mix(0x800000, 0xff6000, h * 2) : mix(0xff6000, 0xffff80, (h - 0.5) * 2);
    default:
      return hsv(b * 300, 0.9, 0.4 + 0.6 * h);
  }
}

/**
 * Sound made visible: a 20-band spectrum (60 Hz – 10 kHz, log-spaced) with falling peak dots,
 * a VU meter, or the waveform, from the table's microphone or line-in (ctx.audioIn(): ALSA
 * capture through arecord, or a WAV file). Automatic gain keeps quiet and loud rooms alike on
 * the display. left/right: face; up/down: colours.
 */
export default defineGame({
  id: 'visualiser',
  title: 'Visualiser',
  description: 'Spectrum, VU meter and waveform of the room’s sound, with automatic gain.',
  kind: 'app',
  icon: sprite(['....#', '..#.#', '#.#.#', '#.###', '#####'], { '#': 0x40ff60 }),
  create(ctx) {
    const { width, height } = ctx;
    const audio: AudioInput | undefined = ctx.audioIn();
    const samples = new Float32Array(WINDOW);
    const spectrum = new Spectrum(WINDOW, audio?.sampleRate ?? 22050, width);
    const gain = new AutoGain(ctx.rate);
    const vuGain = new AutoGain(ctx.rate, 30, 4);
    const bars = new Float32Array(width);
    const peaks = new Float32Array(width);
    const peakAge = new Float32Array(width);
    let vu = 0;
    let vuPeak = 0;
    let face = 0;
    let palette = 0;
    let hearing = false;
    let silentTicks = 0;

    const follow = () => {
      spectrum.analyse(samples);
      let loudest = -120;
      for (const level of spectrum.levels) if (level > loudest) loudest = level;
      gain.follow(loudest);
      for (let b = 0; b < width; b++) {
        const target = gain.scale(spectrum.levels[b]!) * height;
        bars[b] = Math.max(target, bars[b]! - FALL / ctx.rate);
        if (bars[b]! >= peaks[b]!) {
          peaks[b] = bars[b]!;
          peakAge[b] = 0;
        } else if (++peakAge[b]! > PEAK_HOLD_SECONDS * ctx.rate) {
          peaks[b] = Math.max(bars[b]!, peaks[b]! - PEAK_FALL / ctx.rate);
        }
      }
      const level = rmsDb(samples, Math.round((audio?.sampleRate ?? 22050) / ctx.rate) * 2);
      vuGain.follow(level);
      vu = Math.max(0.85 * vuGain.scale(level), vu - 1.5 / ctx.rate); // 15 % headroom above the recent loudest
      vuPeak = Math.max(vu, vuPeak - 0.3 / ctx.rate);
    };

    return {
      update(input) {
        const b = input.any;
        if (b.pressed('right')) face = (face + 1) % FACES.length;
        if (b.pressed('left')) face = (face + FACES.length - 1) % FACES.length;
        if (b.pressed('up')) palette = (palette + 1) % PALETTES.length;
        if (b.pressed('down')) palette = (palette + PALETTES.length - 1) % PALETTES.length;
        hearing = audio?.next(samples) ?? false;
        silentTicks = hearing ? 0 : silentTicks + 1;
        if (hearing) follow();
      },
      draw(g) {
        g.clear();
        if (!hearing) {
          g.banner(audio ? 'NO SOUND' : 'NO MIC', 2, 0xff6040, silentTicks);
          const why = audio?.problem || (audio ? 'WAITING FOR SOUND' : 'SET --AUDIO-IN');
          g.banner(why.toUpperCase(), 9, 0x804020, silentTicks);
          return;
        }
        const pal = PALETTES[palette]!;
        switch (FACES[face]) {
          case 'bars':
            for (let x = 0; x < width; x++) {
              const top = bars[x]!;
              for (let row = 0; row < height; row++) {
                const fill = Math.min(1, top - row);
                if (fill <= 0) break;
                const c = shade(pal, row / (height - 1), x / (width - 1));
                g.set(x, height - 1 - row, fill >= 1 ? c : dim(c, fill));
              }
              const p = Math.floor(peaks[x]!);
              if (p > 0 && p < height) g.set(x, height - 1 - p, 0xffffff);
            }
            return;
          case 'vu': {
            const lit = vu * width;
            for (let x = 0; x < width; x++) {
              const fill = Math.min(1, lit - x);
              const c = shade(pal, x / (width - 1), x / (width - 1));
              if (fill > 0) g.fillRect(x, 4, 1, 7, fill >= 1 ? c : dim(c, fill));
              else g.fillRect(x, 7, 1, 1, dim(c, 0.12));
            }
            g.fillRect(Math.min(width - 1, Math.floor(vuPeak * width)), 3, 1, 9, 0xffffff);
            return;
          }
          default: {
            // the waveform: one column per 1/20 of the newest 512 samples, started at a rising zero crossing
            let start = WINDOW - 512;
            for (let i = WINDOW - 1024 + 1; i < WINDOW - 512; i++) {
              if (samples[i - 1]! < 0 && samples[i]! >= 0) {
                start = i;
                break;
              }
            }
            const amp = 10 ** ((-3 - (gain.reference - 6)) / 20); // the gain the spectrum uses, as a factor
            const mid = (height - 1) / 2;
            let last = Math.round(mid);
            for (let x = 0; x < width; x++) {
              const s = samples[start + Math.floor((x * 512) / width)] ?? 0;
              const y = Math.max(0, Math.min(height - 1, Math.round(mid - s * amp * mid)));
              const from = Math.min(last, y);
              const to = Math.max(last, y);
              for (let yy = from; yy <= to; yy++)
                g.set(x, yy, shade(pal, Math.abs(yy - mid) / mid, x / (width - 1)));
              last = y;
            }
          }
        }
      },
    };
  },
});
