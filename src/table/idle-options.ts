import { defineOptions } from '../config/options.ts';
import { zeroAs } from '../config/settings-menu.ts';
import { IDLE_SHOWS } from './idle-show-names.ts';
import { NIGHT_CHOICES, parseNightWindow, shortWindow } from './night.ts';
import { parsePlaylistItem } from './playlist-item.ts';

function checkWith(parse: (value: string) => unknown): (value: string) => string | undefined {
  return (value) => {
    try {
      parse(value);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
}

/** What an idle table shows and when it sleeps: the playlist, the show, the night schedule. */
export const idleOptions = defineOptions('When nobody plays', {
  playlist: {
    flag: '--playlist',
    type: 'list',
    default: [],
    arg: 'ENTRY,…',
    check: checkWith((value) => parsePlaylistItem(value, 20)),
    help:
      'Idle playlist (the MIX show): entries played in turn when nobody plays, each ID[:KEY=VALUE…][@SECONDS] ' +
      '(an app with settings, 60 s by default, e.g. effects:effect=fire@30) or demos[@SECONDS] (the next game ' +
      'demo, --demo-seconds by default). None = the built-in mix of the clock, effects and demos.',
    scope: 'config',
  },
  idleShow: {
    flag: '--idle-show',
    type: 'enum',
    values: IDLE_SHOWS,
    default: 'mix',
    help: 'What an idle table shows: mix = the --playlist, clock, effects (each a minute), demos, plain (colour wash).',
    scope: 'config',
    // the hook is the run's IdleShow (src/cli/main.ts)
    setting: {
      label: 'SHOW',
      title: 'Idle show',
      order: 70,
      wrap: true,
      show: (name: string) => name.toUpperCase().slice(0, 5),
      live: true,
    },
  },
  night: {
    flag: '--night',
    type: 'string',
    default: '',
    arg: 'HH:MM-HH:MM',
    check: checkWith(parseNightWindow),
    help: 'Night hours in local time, e.g. 23:00-07:00: an idle table dims to --night-light (any button wakes it). Empty = no night.',
    scope: 'config',
    // the hooks are the run's NightSchedule (nightHooks); the config may hold any other window
    setting: {
      label: 'NIGHT',
      title: 'Night hours',
      order: 90,
      steps: NIGHT_CHOICES,
      wrap: true,
      show: shortWindow,
      live: true,
    },
  },
  nightLight: {
    flag: '--night-light',
    type: 'int',
    default: 0,
    min: 0,
    max: 100,
    arg: 'PERCENT',
    help: 'Brightness of an idle table at night, in percent of the normal brightness; 0 = dark. Changes fade over a second.',
    scope: 'config',
    setting: {
      label: 'DIM',
      title: 'Night light (%)',
      order: 100,
      steps: [0, 5, 10, 20, 30, 50],
      show: zeroAs('OFF'),
      live: true,
    },
  },
});
