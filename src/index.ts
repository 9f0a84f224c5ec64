/**
 * The public API for game authors. A game is one folder in games/ whose index.ts
 * default-exports `defineGame({...})`; see docs/ and games/ for examples.
 */

export type { MusicPlayer, SoundPlayer } from './audio/game-audio.ts';
export type {
  GameContext,
  GameDefinition,
  GameInstance,
  GameResult,
  GameStore,
  ParamDecl,
  ParamDecls,
  SettingSpec,
  SettingSpecs,
  SettingValues,
  Wiring,
} from './engine/game.ts';
export { defineGame } from './engine/game.ts';
export type { LiveFeed } from './engine/live-feed.ts';
export { Random } from './engine/random.ts';
export { Canvas } from './gfx/canvas.ts';
export * from './gfx/color.ts';
export type { Font } from './gfx/font.ts';
export { FONT_3X5, FONT_5X7 } from './gfx/font.ts';
export { Graphics } from './gfx/graphics.ts';
export { drawSpinner } from './gfx/spinner.ts';
export type { Sprite } from './gfx/sprite.ts';
export { sprite } from './gfx/sprite.ts';
export type { Button, Buttons, Input } from './input/buttons.ts';
export { BUTTONS, MAX_PLAYERS } from './input/buttons.ts';
export type { AudioInput } from './sound-in/audio-input.ts';
