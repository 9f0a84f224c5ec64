import { type Sprite, sprite } from '../gfx/sprite.ts';
import { type ChoiceLine, ChoiceScreen } from './choice-screen.ts';
import type { TableControls } from './controls.ts';
import type { TableHost } from './host.ts';

export type { TableControls } from './controls.ts';

const VOLUME_STEPS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
const BRIGHTNESS_STEPS = [5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100];
const IDLE_STEPS = [0, 30, 60, 120, 300, 600, 1800];
const PLAYER_STEPS = [0, 1, 2, 3, 4];
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
 * Settings at the table, on the shared choice screen: up/down picks a line, left/right changes
 * its value (brightness applies at once), A on SHUT DOWN or REBOOT asks YES/NO (left/right, A
 * confirms, back cancels); back leaves. Values are saved a second after the last change and when
 * leaving.
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
    const lines: ChoiceLine[] = [
      {
        label: 'LIGHT', // brightness; "BRIGHT" is 23 px wide and would scroll
        value: () => `${c.brightness()}`,
        step: changes((d) => c.setBrightness(nextStep(BRIGHTNESS_STEPS, c.brightness(), d))),
      },
      {
        label: 'IDLE',
        value: () => formatSeconds(c.idleSeconds()),
        step: changes((d) => c.setIdleSeconds(nextStep(IDLE_STEPS, c.idleSeconds(), d))),
      },
      {
        label: 'PLAYERS',
        value: () => (c.defaultPlayers() === 0 ? 'MIN' : `${c.defaultPlayers()}`),
        step: changes((d) => c.setDefaultPlayers(nextStep(PLAYER_STEPS, c.defaultPlayers(), d))),
      },
    ];
    const sound = c.sound;
    if (sound) {
      const onOff = (on: boolean) => (on ? 'ON' : 'OFF');
      lines.push(
        {
          label: 'VOLUME',
          value: () => `${sound.volume()}`,
          step: changes((d) => sound.setVolume(nextStep(VOLUME_STEPS, sound.volume(), d))),
        },
        { label: 'MUSIC', value: () => onOff(sound.music()), step: changes((d) => sound.setMusic(d > 0)) },
        {
          label: 'EFFECTS',
          value: () => onOff(sound.effects()),
          step: changes((d) => sound.setEffects(d > 0)),
        },
      );
    }
    for (const line of c.extraLines?.() ?? []) {
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

/** The next value in `steps` from `current` in `direction`, clamped at the ends. */
function nextStep(steps: readonly number[], current: number, direction: number): number {
  if (direction > 0) return steps.find((s) => s > current) ?? steps[steps.length - 1]!;
  return steps.findLast((s) => s < current) ?? steps[0]!;
}

function formatSeconds(seconds: number): string {
  if (seconds === 0) return 'OFF';
  return seconds < 60 ? `${seconds}S` : `${Math.round(seconds / 60)}M`;
}

function formatMilliamps(mA: number): string {
  return mA >= 1000 ? `${(mA / 1000).toFixed(1)}A` : `${Math.round(mA)}MA`;
}
