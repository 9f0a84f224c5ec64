/**
 * What the table's web page and the server say to each other; imported by both sides (no node:
 * modules here). Live frames are binary WebSocket messages: an 8-byte header, then
 * width × height × 3 RGB bytes in row order (x fastest). Everything else is JSON text.
 */
import type { Button } from '../input/buttons.ts';

/** First header byte of a live frame ('L'). */
export const FRAME_MAGIC = 0x4c;
export const FRAME_VERSION = 1;
/** magic u8, version u8, width u16 LE, height u16 LE, sequence u16 LE (wraps). */
export const FRAME_HEADER_BYTES = 8;

/** The WebSocket paths: the live view (may be public) and a phone pad (paired only). */
export const VIEW_PATH = '/ws/view';
export const PAD_PATH = '/ws/pad';

/** Player colours as CSS, P1..P4 (the same as the table's PLAYER_COLORS). */
export function cssColor(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

/** Writes the header of a frame into `out` (at least FRAME_HEADER_BYTES long). */
export function writeFrameHeader(out: Uint8Array, width: number, height: number, sequence: number): void {
  const view = new DataView(out.buffer, out.byteOffset, FRAME_HEADER_BYTES);
  view.setUint8(0, FRAME_MAGIC);
  view.setUint8(1, FRAME_VERSION);
  view.setUint16(2, width, true);
  view.setUint16(4, height, true);
  view.setUint16(6, sequence & 0xffff, true);
}

/** Reads a frame message; undefined when it is not one (wrong magic, version or length). */
export function readFrame(
  data: ArrayBuffer,
): { width: number; height: number; sequence: number; rgb: Uint8Array } | undefined {
  if (data.byteLength < FRAME_HEADER_BYTES) return undefined;
  const view = new DataView(data);
  if (view.getUint8(0) !== FRAME_MAGIC || view.getUint8(1) !== FRAME_VERSION) return undefined;
  const width = view.getUint16(2, true);
  const height = view.getUint16(4, true);
  if (data.byteLength !== FRAME_HEADER_BYTES + width * height * 3) return undefined;
  return { width, height, sequence: view.getUint16(6, true), rgb: new Uint8Array(data, FRAME_HEADER_BYTES) };
}

/** A phone pad → server: one button went down or up. */
export interface PadButtonMessage {
  readonly type: 'button';
  readonly button: Button;
  readonly down: boolean;
}

/** Server → phone pad: the seat it plays (player 0..3), or null when every seat is taken. */
export interface SeatMessage {
  readonly type: 'seat';
  readonly player: number | null;
  /** CSS colour of the player. */
  readonly color: string;
}

/** One game or app as the launcher lists it. */
export interface GameInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly kind: 'game' | 'app';
  readonly players: { readonly min: number; readonly max: number };
  readonly settings: Readonly<
    Record<string, { readonly values: readonly (string | number)[]; readonly default: string | number }>
  >;
  /** Best scores, best first, as "score" strings with their key (level) when there is one. */
  readonly best: readonly string[];
  /** URL of its gallery picture, or null. */
  readonly picture: string | null;
}

/**
 * One of the table's settings as the page shows it, made from the option's declaration (its
 * `setting` part, see SettingDecl in src/config/options.ts): the same lines as the table's
 * settings screen, in the same order, with the same values. The page names no setting.
 */
export interface SettingInfo {
  /** The option key: POST /api/settings {key: value}, settings.json. */
  readonly key: string;
  /** Readable name ('Brightness'). */
  readonly title: string;
  /** The table screen's label ('LIGHT'). */
  readonly label: string;
  /** The option's help text. */
  readonly help: string;
  /** number: a slider over `choices`; switch: on/off; choice: a select. */
  readonly kind: 'number' | 'switch' | 'choice';
  readonly value: number | string | boolean;
  /**
   * The values the table's left/right go through, in order, each as the table shows it ('OFF',
   * '5M', 'MIN'); an enum's values by their full name (the table cuts them to 5 letters).
   */
  readonly choices: readonly { readonly value: number | string | boolean; readonly shown: string }[];
}

/** The reply to POST /api/settings and POST /api/power. */
export interface SettingsResponse {
  readonly settings: readonly SettingInfo[];
  readonly powerBudget: number | null;
}

/** What the status panel shows. */
export interface TableStatus {
  /** Title of the scene on top (menu, a game, pause…). */
  readonly scene: string;
  readonly playing: string | null;
  readonly paused: boolean;
  readonly fps: number;
  /** CPU time of the table process over the last second, % of one core. */
  readonly cpu: number;
  /** SoC temperature in °C, null where the system has none. */
  readonly temperature: number | null;
  readonly milliamps: number;
  readonly outputs: readonly string[];
  /** Players on a phone, and players whose pad is lost. */
  readonly pads: readonly { readonly player: number; readonly connected: boolean; readonly phone: boolean }[];
  readonly viewers: number;
}

/** GET /api/state. */
export interface StateResponse {
  readonly paired: boolean;
  readonly pairing: boolean;
  readonly viewPublic: boolean;
  readonly games: readonly GameInfo[];
  /** The table's settings, in its settings screen's order ([] when it has none). */
  readonly settings: readonly SettingInfo[];
  /**
   * The current limiter's budget in mA (0 = no limit), null when the table has none: not a
   * settings line (an installation's safety limit, set on the page only; POST /api/power).
   */
  readonly powerBudget: number | null;
  readonly status: TableStatus;
  /** The message box; null when the table has no message app or this page is not paired. */
  readonly message: MessageState | null;
}

/** The longest message the page may send, in characters (after cleaning). */
export const MAX_MESSAGE_CHARS = 200;

/** What the page shows in its message box. */
export interface MessageState {
  /** Id of the app that shows messages (its settings are in `games`). */
  readonly app: string;
  /** The message saved from the page (shown whenever the app opens), or null: the config's. */
  readonly saved: string | null;
}

/**
 * POST /api/message: show `text` on the table now with the message app (started, or restarted
 * when it runs), with these settings of the app (colour, speed…; unnamed ones stay as they
 * are); `save` also makes it the saved message. DELETE /api/message forgets the saved one.
 */
export interface MessageRequest {
  readonly text: string;
  readonly settings?: Readonly<Record<string, string | number>>;
  readonly save?: boolean;
}

/** The reply to POST /api/message. */
export interface MessageResponse {
  /** The text as the table shows it. */
  readonly shown: string;
  readonly saved: boolean;
  /** Characters written another way: 'é → e'. */
  readonly replaced: readonly string[];
}

/** One uploaded picture. */
export interface PictureInfo {
  readonly name: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
}
