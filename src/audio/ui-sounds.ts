/**
 * The shared screens' effects (menu, pause, result), in the same notation games use. The menu's
 * two are quiet unless the owner turns menu sounds on (--menu-sounds).
 */
export const UI_SOUNDS = `
sfx menu-move   wave=pulse duty=25 vol=0.3 speed=3 env=1,20,0.4,10 : e6
sfx menu-select wave=square vol=0.35 speed=3 env=1,0,1,15 : c6 g6:2
sfx pause       wave=triangle vol=0.6 speed=5 : g5 c5:2
sfx resume      wave=triangle vol=0.6 speed=5 : c5 g5:2
sfx game-over   wave=square vol=0.45 speed=9 env=2,80,0.6,40 vib=0.2,6 : g4 f#4 f4 e4:4
sfx high-score  wave=pulse duty=25 vol=0.45 speed=5 : c5 e5 g5 c6 e5 g5 c6+e6+g6:6
`;

export const UI_SOUND_NAMES = [
  'menu-move',
  'menu-select',
  'pause',
  'resume',
  'game-over',
  'high-score',
] as const;
export type UiSound = (typeof UI_SOUND_NAMES)[number];

/** The two that the menu plays, off unless menu sounds are on. */
export const MENU_SOUNDS: ReadonlySet<UiSound> = new Set<UiSound>(['menu-move', 'menu-select']);
