import { defineOptions } from '../../src/config/options.ts';
import { keyButtonsWith, parsePadMapRule, parsePadPlayerRule } from './maps.ts';

/**
 * An option check from a parser in maps.ts (the one grammar): the parser's message without its
 * 'padMap "…"' prefix, which the option machinery replaces with the flag and value.
 */
const checkWith =
  (parse: (text: string) => unknown) =>
  (value: string): string | undefined => {
    try {
      parse(value);
      return undefined;
    } catch (error) {
      return (error as Error).message.replace(/^\w+ "[^"]*":? /, '');
    }
  };

/** Keyboards, gamepads and GPIO buttons from Linux evdev (read by EvdevSource). */
export const evdevOptions = defineOptions('Input: keyboards, gamepads and GPIO buttons (Linux evdev)', {
  evdev: {
    flag: '--evdev',
    type: 'enum',
    default: 'on',
    values: ['on', 'off'],
    help:
      'Linux: read keyboards, gamepads and GPIO buttons (gpio-key overlay) from /dev/input. Pads join as ' +
      'the next player with their first button press; an unplugged pad pauses the game until it returns.',
    scope: 'config',
  },
  padPlayers: {
    flag: '--pad-player',
    type: 'list',
    default: [],
    arg: 'NAME=N',
    split: false,
    check: checkWith(parsePadPlayerRule),
    help: 'Fixes a pad to player N (1-4) instead of "first press joins"; NAME is part of the device name or vvvv:pppp. Repeatable.',
    scope: 'config',
  },
  padMap: {
    flag: '--pad-map',
    type: 'list',
    default: [],
    arg: 'NAME=CODE:BTN,…',
    split: false,
    check: checkWith(parsePadMapRule),
    help:
      'Button map for pads whose name contains NAME (or vvvv:pppp), over the defaults, e.g. ' +
      '"8BitDo=BTN_EAST:a,BTN_SOUTH:b". Codes are kernel names (BTN_*, KEY_*) or numbers. Repeatable.',
    scope: 'config',
  },
  keyMap: {
    flag: '--key-map',
    type: 'list',
    default: [],
    arg: 'CODE=P:BTN',
    split: false,
    check: checkWith((text) => keyButtonsWith([text])),
    help: 'Keyboard and GPIO button codes over the defaults, e.g. KEY_J=2:left (see hardware/README.md). Repeatable.',
    scope: 'config',
  },
});
