import { defineOptions } from '../config/options.ts';

/** Which games' ticks run under the 1 s time limit (src/isolation/guarded-ticks.ts). */
export const GUARDS = ['added', 'all'] as const;

/** How the real-time table guards game code (src/cli/run-table.ts reads it). */
export const isolationOptions = defineOptions('Game guard', {
  guard: {
    flag: '--guard',
    type: 'enum',
    values: GUARDS,
    default: 'added',
    help:
      'Which games run each tick under a 1 s time limit (an endless loop is stopped and the menu is back): ' +
      'added = games from a --games folder, and every game under --watch; all = the built-in games too (a ' +
      'watchdog thread per tick: about 1 % of a core at 25 Hz on a 2-core machine). A built-in game that ' +
      'hangs is caught by the watchdog process instead: after 4 s it ends the process (the service ' +
      'restarts it).',
    scope: 'config',
  },
});
