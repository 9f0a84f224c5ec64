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

/** The keys as a short table for --help and the README. */
export function describeKeymap(keymap: Readonly<Record<string, KeyBinding>> = DEFAULT_KEYMAP): string {
  const rows = new Map<string, string[]>();
  for (const [key, { player, button }] of Object.entries(keymap)) {
    const id = `P${player + 1} ${button}`;
    rows.set(id, [...(rows.get(id) ?? []), key === 'return' || key === 'enter' ? 'Enter' : label(key)]);
  }
  const lines = [...rows.entries()].map(
    ([id, keys]) => `  ${id.padEnd(10)} ${[...new Set(keys)].join(' / ')}`,
  );
  return [...lines, '  quit       Ctrl-C'].join('\n');
}

function label(key: string): string {
  const arrows: Record<string, string> = { up: '↑', down: '↓', left: '←', right: '→' };
  return arrows[key] ?? (key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1));
}
