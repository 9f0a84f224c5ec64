import type { Button } from './buttons.ts';

/** Where one key goes. */
export interface KeyBinding {
  readonly player: number;
  readonly button: Button;
}

/**
 * Default keys for two players on one keyboard. Names are Node readline key names
 * ('up', 'return', 'escape', 'space', letters) and work with or without the kitty protocol.
 */
export const DEFAULT_KEYMAP: Readonly<Record<string, KeyBinding>> = {
  up: { player: 0, button: 'up' },
  down: { player: 0, button: 'down' },
  left: { player: 0, button: 'left' },
  right: { player: 0, button: 'right' },
  z: { player: 0, button: 'a' },
  space: { player: 0, button: 'a' },
  x: { player: 0, button: 'b' },
  return: { player: 0, button: 'start' },
  enter: { player: 0, button: 'start' },
  escape: { player: 0, button: 'back' },
  backspace: { player: 0, button: 'back' },
  w: { player: 1, button: 'up' },
  s: { player: 1, button: 'down' },
  a: { player: 1, button: 'left' },
  d: { player: 1, button: 'right' },
  f: { player: 1, button: 'a' },
  g: { player: 1, button: 'b' },
  e: { player: 1, button: 'start' },
  q: { player: 1, button: 'back' },
};

/** The keys as one line per player, for --help, the status line and the README. */
export function describeKeymap(keymap: Readonly<Record<string, KeyBinding>> = DEFAULT_KEYMAP): string {
  const players = [...new Set(Object.values(keymap).map((b) => b.player))].sort();
  const lines = players.map((player) => {
    const keysFor = (button: string) =>
      Object.entries(keymap)
        .filter(([, b]) => b.player === player && b.button === button)
        .map(([key]) => label(key));
    const move = ['up', 'left', 'down', 'right'].map((b) => keysFor(b)[0] ?? '?').join('');
    const rest = ['a', 'b', 'start', 'back'].map(
      (b) => `${b === 'a' || b === 'b' ? b.toUpperCase() : b} ${[...new Set(keysFor(b))].join('/')}`,
    );
    return `  P${player + 1}  move ${move}  ·  ${rest.join('  ·  ')}`;
  });
  return [...lines, '  Ctrl-C quits; the back button pauses a game (back again quits to the menu).'].join(
    '\n',
  );
}

function label(key: string): string {
  const names: Record<string, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    return: 'Enter',
    enter: 'Enter',
    escape: 'Esc',
  };
  return names[key] ?? (key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1));
}
