import { defineOptions } from '../config/options.ts';

const AUDIO_WORDS = ['auto', 'off', 'alsa', 'pulse', 'pipewire', 'sox'];

function checkAudio(value: string): string | undefined {
  if (AUDIO_WORDS.includes(value)) return undefined;
  if (/^alsa:\S+$/.test(value)) return undefined;
  if (/^wav:.+\.wav$/i.test(value)) return undefined;
  if (value.startsWith('wav:')) return 'wav: needs a file name ending in .wav, e.g. wav:run.wav';
  return `must be one of ${AUDIO_WORDS.join(', ')}, alsa:DEVICE (e.g. alsa:hw:1,0) or wav:FILE.wav`;
}

/** The sound's options: where it goes, how loud, what plays (src/cli/audio-setup.ts reads them). */
export const audioOptions = defineOptions('Sound', {
  audio: {
    flag: '--audio',
    type: 'string',
    default: 'auto',
    arg: 'OUT',
    check: checkAudio,
    help:
      'Where sound goes: auto (pacat when a PulseAudio/PipeWire server runs, else aplay for ALSA, else play from ' +
      'sox, e.g. on macOS, else silence with one log line), off, alsa[:DEVICE] (aplay), pulse (pacat), pipewire ' +
      '(pw-play), sox (play), or wav:FILE (exactly what would be played). Headless runs are silent unless given ' +
      'wav:FILE or --out FILE.wav.',
    scope: 'config',
  },
  volume: {
    flag: '--volume',
    type: 'int',
    default: 80,
    min: 0,
    max: 100,
    help: 'Sound volume in percent (0 = silence).',
    scope: 'config',
    setting: { label: 'VOLUME', title: 'Volume (%)', order: 40, step: 10, live: true },
  },
  music: {
    flag: '--music',
    type: 'bool',
    default: true,
    help: 'Play game music (--no-music: effects only).',
    scope: 'config',
    setting: { label: 'MUSIC', title: 'Music', order: 50, live: true },
  },
  effects: {
    flag: '--effects',
    type: 'bool',
    default: true,
    help: 'Play sound effects (--no-effects: music only).',
    scope: 'config',
    setting: { label: 'EFFECTS', title: 'Sound effects', order: 60, live: true },
  },
  menuSounds: {
    flag: '--menu-sounds',
    type: 'bool',
    default: false,
    help: 'Clicks when moving and choosing in the menu (off: the menu is quiet).',
    scope: 'config',
  },
  audioBuffer: {
    flag: '--audio-buffer',
    type: 'int',
    default: 32,
    min: 10,
    max: 500,
    arg: 'MS',
    help: "The sound player's buffer in ms (aplay --buffer-time, pacat --latency-msec): sound lags a tick by about this much.",
    scope: 'config',
  },
});
