import { defineOptions } from '../config/options.ts';

function checkAudioIn(value: string): string | undefined {
  if (['auto', 'off', 'alsa'].includes(value)) return undefined;
  if ((value.startsWith('alsa:') || value.startsWith('wav:')) && value.length > value.indexOf(':') + 1) {
    return undefined;
  }
  return 'auto, off, alsa, alsa:DEVICE (e.g. alsa:hw:1,0) or wav:FILE';
}

/** Where ctx.audioIn() gets its sound (src/cli/audio-input.ts reads it). */
export const soundInOptions = defineOptions('Sound in', {
  audioIn: {
    flag: '--audio-in',
    type: 'string',
    default: 'auto',
    arg: 'auto|off|alsa[:DEVICE]|wav:FILE',
    check: checkAudioIn,
    help:
      'Sound in for apps that listen (the visualiser): auto = the default ALSA capture device through ' +
      'arecord, alsa:DEVICE (e.g. alsa:hw:1,0; list them with arecord -l), wav:FILE = a 16-bit mono WAV ' +
      'file played tick by tick (deterministic, also headless), off. Live capture runs only on the table, never headless.',
    scope: 'config',
  },
});
