import { defineOptions } from '../../src/config/options.ts';

/** Gamepads through node-hid (read by HidSource). */
export const hidOptions = defineOptions('Input: HID gamepads (node-hid)', {
  hid: {
    flag: '--hid',
    type: 'enum',
    default: 'auto',
    values: ['auto', 'on', 'off'],
    help:
      'Gamepads through node-hid with a map learned by `ledtable gamepad learn`; auto = only where ' +
      '/dev/input is absent (macOS, Windows).',
    scope: 'config',
  },
});
