import { defineOptions } from '../../src/config/options.ts';
import { zeroAs } from '../../src/config/settings-menu.ts';

/**
 * An owner's options as a new module would declare them: one `setting` field makes GLOW a line on
 * the table's settings screen and a control on the web page (settings-menu and web settings tests).
 */
export const glowOptions = defineOptions('Glow', {
  glow: {
    flag: '--glow',
    type: 'int',
    default: 3,
    min: 0,
    max: 9,
    help: 'How much the fake glow glows; 0 = off.',
    scope: 'config',
    setting: { label: 'GLOW', title: 'Glow', order: 65, show: zeroAs('OFF') },
  },
});
