import { defineOptions } from '../config/options.ts';

/** Pictures of runs: `--out` for headless runs, and how captures (also the screenshot key) look. */
export const captureOptions = defineOptions('Captures', {
  out: {
    flag: '--out',
    type: 'string',
    default: '',
    arg: 'FILE',
    help: "Headless: write the final frame to FILE.png, every frame to FILE.gif, or the run's sound to FILE.wav.",
    scope: 'cli',
  },
  ledDots: {
    flag: '--led-dots',
    type: 'bool',
    default: false,
    help: 'Captures (--out, the screenshot key P): draw each LED as a round dot on black, as the table looks.',
    scope: 'config',
  },
  captureScale: {
    flag: '--capture-scale',
    type: 'int',
    default: 16,
    min: 1,
    max: 64,
    arg: 'PIXELS',
    help: 'Captures: image pixels per LED (a long GIF uses fewer to stay under 32 megapixels).',
    scope: 'config',
  },
});
