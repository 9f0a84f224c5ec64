import { defineOptions } from '../config/options.ts';
import { showSeconds, zeroAs } from '../config/settings-menu.ts';
import { parseLayoutSpec } from '../output/layout.ts';

function checkLayout(value: string): string | undefined {
  try {
    parseLayoutSpec(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The table itself: its size and wiring, its loop rate, where it keeps things, the idle shell. */
export const tableOptions = defineOptions('Table', {
  fps: {
    flag: '--fps',
    type: 'int',
    default: 60,
    min: 1,
    max: 120,
    help: 'Loop rate in ticks (and frames) per second.',
    scope: 'config',
  },
  width: {
    flag: '--width',
    type: 'int',
    default: 20,
    min: 1,
    max: 256,
    help: 'Table width in pixels.',
    scope: 'config',
  },
  height: {
    flag: '--height',
    type: 'int',
    default: 15,
    min: 1,
    max: 256,
    help: 'Table height in pixels.',
    scope: 'config',
  },
  layout: {
    flag: '--layout',
    type: 'string',
    default: 'columns,serpentine,top-left',
    arg: 'SPEC',
    check: checkLayout,
    help:
      'How the LED strip is wired, as comma-separated words (the default: the strip runs in columns, ' +
      'zigzag, from the top-left corner); or map:FILE for an explicit LED map.',
    scope: 'config',
  },
  dataDir: {
    flag: '--data-dir',
    type: 'string',
    default: '',
    arg: 'DIR',
    help: 'Settings, high scores and the log. Empty = $XDG_STATE_HOME/ledtable or ~/.local/state/ledtable.',
    scope: 'config',
  },
  games: {
    flag: '--games',
    type: 'string',
    default: '',
    arg: 'DIR',
    help: 'Folder of games (one sub-folder each). Empty = the games/ folder that ships with ledtable.',
    scope: 'config',
  },
  idle: {
    flag: '--idle',
    type: 'int',
    default: 120,
    min: 0,
    max: 86400,
    arg: 'SECONDS',
    help: 'Seconds in the menu without input before the screensaver starts; 0 = never.',
    scope: 'config',
    setting: {
      label: 'IDLE',
      title: 'Screensaver after',
      order: 20,
      steps: [0, 30, 60, 120, 300, 600, 1800],
      show: showSeconds,
    },
  },
  demoSeconds: {
    flag: '--demo-seconds',
    type: 'int',
    default: 20,
    min: 0,
    max: 3600,
    arg: 'SECONDS',
    help:
      'Attract mode: the idle screensaver plays demo replays (assets/replays/), each for at most ' +
      'this long; 0 = the plain colour screensaver.',
    scope: 'config',
  },
  defaultPlayers: {
    flag: '--default-players',
    type: 'int',
    default: 0,
    min: 0,
    max: 4,
    help: "Players a game starts with when nobody chose; 0 = the game's minimum.",
    scope: 'config',
    setting: { label: 'PLAYERS', title: 'Players when nobody chose', order: 30, show: zeroAs('MIN') },
  },
  logFile: {
    flag: '--log-file',
    type: 'string',
    default: '',
    arg: 'FILE',
    help: 'Log file. Empty = <data dir>/ledtable.log. At 1 MiB it becomes FILE.1 (one old file is kept) and a new one starts.',
    scope: 'config',
  },
});
