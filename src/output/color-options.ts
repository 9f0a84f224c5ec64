import { defineOptions } from '../config/options.ts';

/** The colour pipeline's options: brightness, gamma and the current limiter's estimate. */
export const colorOptions = defineOptions('LED colour and power', {
  brightness: {
    flag: '--brightness',
    type: 'int',
    default: 100,
    min: 0,
    max: 100,
    help: 'LED brightness in percent (the current limiter may lower it further).',
    scope: 'config',
    // "BRIGHT" is 23 px wide and would scroll; the hook is the colour pipeline (it fades there)
    setting: {
      label: 'LIGHT',
      title: 'Brightness (%)',
      order: 10,
      steps: [5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100],
      live: true,
    },
  },
  gamma: {
    flag: '--gamma',
    type: 'number',
    default: 2.2,
    min: 1,
    max: 4,
    help: 'Gamma correction of LED outputs; 1 = off (for pre-corrected content such as some recordings).',
    scope: 'config',
  },
  powerBudget: {
    flag: '--power-budget',
    type: 'int',
    default: 8000,
    min: 0,
    max: 1000000,
    arg: 'MA',
    help:
      'Current limit of the whole strip in mA: each frame is dimmed so its estimate stays below it ' +
      '(8000 suits a 5 V 10 A supply with margin); 0 = no limit.',
    scope: 'config',
  },
  channelMilliamps: {
    flag: '--channel-ma',
    type: 'number',
    default: 20,
    min: 0.1,
    max: 100,
    arg: 'MA',
    help: 'Power estimate: current of one LED colour channel at full value, in mA (WS2812: about 20).',
    scope: 'config',
  },
  idleMilliamps: {
    flag: '--idle-ma',
    type: 'number',
    default: 1,
    min: 0,
    max: 10,
    arg: 'MA',
    help: 'Power estimate: current of one dark LED, in mA (WS2812: about 1).',
    scope: 'config',
  },
});
