import type { Engine } from '../engine/engine.ts';
import { controlsLine } from '../table/hints.ts';

/** The simulator's keys, last: the status line is cut at the terminal's width. */
const KEYS = 'keys: arrows Z X Enter Esc (P2: WASD F G E Q) · P screenshot';

/**
 * The terminal's status line: how to quit first (so an 80-column terminal still shows it),
 * then the screen and what to press on it (a game's controls, a screen's hint, or the whole
 * hot-reload error), the frame rate, and the keyboard's keys.
 */
export function statusLine(engine: Pick<Engine, 'top' | 'game'>, fps: number): string {
  const game = engine.game;
  const hint = game ? controlsLine(game.definition, true) : (engine.top.hint ?? '');
  return ['Ctrl-C quits', engine.top.title, hint, `${fps} fps`, KEYS]
    .filter((part) => part !== '')
    .join(' · ');
}
