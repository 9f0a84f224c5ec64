import { type Sprite, sprite } from '../gfx/sprite.ts';
import { type ChoiceLine, ChoiceScreen } from './choice-screen.ts';
import type { TableControls } from './controls.ts';
import { SCREEN_HINTS } from './hints.ts';
import type { TableHost } from './host.ts';

export type { TableControls } from './controls.ts';

/** Ticks without a change before the values are saved (also saved on leaving). */
const SAVE_AFTER_SECONDS = 1;

/** The icon the menu shows for the SETTINGS entry: three sliders. */
export const SETTINGS_ICON: Sprite = sprite(
  [
    '...........',
    '..w.....w..',
    'gggggwggggg',
    '..w..www...',
    '.....www...',
    'gwwwggwgggg',
    '.www.......',
    '.www.......',
    'ggwgggggggg',
  ],
  { w: 0xffffff, g: 0x505050 },
);

/**
 * Settings at the table, on the shared choice screen: the controls' lines (one per declared
 * option with a `setting`, see src/config/settings-menu.ts, and other modules' lines), then
 * POWER, SHUT DOWN and REBOOT. Up/down picks a line, left/right changes its value (applied at
 * once), A on an action line asks YES/NO (left/right, A confirms, back cancels); back leaves.
 * Values are saved a second after the last change and when leaving.
 */
export class SettingsScreen extends ChoiceScreen {
  constructor(host: TableHost, controls: TableControls) {
    const c = controls;
    /** Ticks since the last unsaved change; -1 = nothing to save. */
    let unsaved = -1;
    const save = () => {
      if (unsaved < 0) return;
      unsaved = -1;
      c.save?.();
    };
    const changes = (change: (direction: number) => void) => (direction: number) => {
      change(direction);
      unsaved = 0;
    };
    const lines: ChoiceLine[] = [];
    for (const line of c.lines?.() ?? []) {
      const step = line.step?.bind(line);
      lines.push(step ? { ...line, step: changes(step) } : line);
    }
    if (c.milliamps) {
      const milliamps = c.milliamps.bind(c);
      lines.push({ label: 'POWER', value: () => formatMilliamps(milliamps()), color: 0xffc040 });
    }
    if (c.shutdown) lines.push({ label: 'SHUT DOWN', value: () => '', action: c.shutdown.bind(c) });
    if (c.reboot) lines.push({ label: 'REBOOT', value: () => '', action: c.reboot.bind(c) });
    super({
      title: 'Settings',
      hint: SCREEN_HINTS.settings,
      lines,
      onTick: () => {
        if (unsaved >= 0 && ++unsaved >= SAVE_AFTER_SECONDS * host.rate) save();
      },
      onBack: () => {
        save();
        host.pop();
      },
      onAction: (line) => {
        save();
        host.log.info(`settings: ${line.label.toLowerCase()} requested at the table`);
      },
      onDispose: save,
    });
  }
}

function formatMilliamps(mA: number): string {
  return mA >= 1000 ? `${(mA / 1000).toFixed(1)}A` : `${Math.round(mA)}MA`;
}
