import type { AnyGame } from '../engine/game.ts';
import type { Scene } from '../engine/scene.ts';
import { type Color, dim, hsv } from '../gfx/color.ts';
import { FONT_5X7 } from '../gfx/font.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { TableHost } from './host.ts';
import { SETTINGS_ICON, SettingsScreen } from './settings-screen.ts';

const ICON_ROWS = 8;
const SLIDE_TICKS = 8;
const GAME_TITLE: Color = 0xffffff;
const APP_TITLE: Color = 0x40d0ff;

/**
 * The main menu: one entry at a time, its icon above its title, dots below for position.
 * Left/right choose (with auto-repeat), A or start opens it. Games come before apps.
 */
export class Menu implements Scene {
  readonly title = 'Menu';
  private readonly entries: readonly AnyGame[];
  private selected = 0;
  private shownFor = 0;
  /** The title line of the selected entry, rebuilt only when the entry or the scores change. */
  private shown: { entry: AnyGame; revision: number; text: string } | undefined;
  /** Ticks left in the slide animation and its direction (+1 = moved right). */
  private slide = 0;
  private slideDirection = 0;

  constructor(private readonly host: TableHost) {
    this.entries = [...host.catalog].sort(
      (a, b) => Number(a.kind === 'app') - Number(b.kind === 'app') || a.title.localeCompare(b.title),
    );
    if (host.controls) this.entries = [...this.entries, SETTINGS_ENTRY];
  }

  /** The entry under the cursor (undefined when no game was found). */
  get current(): AnyGame | undefined {
    return this.entries[this.selected];
  }

  update(input: Input): void {
    this.shownFor++;
    if (this.slide > 0) this.slide--;
    const count = this.entries.length;
    if (count === 0) return;
    const step = input.any.repeat('right') ? 1 : input.any.repeat('left') ? -1 : 0;
    if (step !== 0) {
      this.selected = (this.selected + step + count) % count;
      this.shownFor = 0;
      this.slide = SLIDE_TICKS;
      this.slideDirection = step;
      this.host.sound?.play('menu-move');
    }
    if (input.any.confirm()) {
      const entry = this.entries[this.selected];
      this.host.sound?.play('menu-select');
      if (entry === SETTINGS_ENTRY && this.host.controls)
        this.host.push(new SettingsScreen(this.host, this.host.controls));
      else if (entry) this.host.choose(entry);
    }
  }

  /** "TETRIS  HI 1234"; with several score tables "MINESWEEPER  EASY 83  HARD 140". */
  private label(entry: AnyGame): string {
    const scores = this.host.scores;
    const shown = this.shown;
    if (shown?.entry === entry && shown.revision === scores.revision) return shown.text;
    const best = Object.entries(scores.all(entry.id)).map(([key, value]) =>
      key === 'default' ? `HI ${value}` : `${key} ${value}`,
    );
    const text = [entry.title, ...best].join('  ').toUpperCase();
    this.shown = { entry, revision: scores.revision, text };
    return text;
  }

  draw(g: Graphics): void {
    g.clear();
    const entry = this.entries[this.selected];
    if (!entry) {
      g.banner('NO GAMES FOUND IN games/', 5, 0xff4040, this.shownFor);
      return;
    }
    const offset = Math.round((this.slide / SLIDE_TICKS) * g.width) * this.slideDirection;
    if (this.slide > 0) {
      const previous =
        this.entries[(this.selected - this.slideDirection + this.entries.length) % this.entries.length];
      if (previous) drawIcon(g, previous, offset - this.slideDirection * g.width);
    }
    drawIcon(g, entry, offset);
    g.banner(this.label(entry), ICON_ROWS + 1, entry.kind === 'app' ? APP_TITLE : GAME_TITLE, this.shownFor);
    drawPositionDots(g, this.selected, this.entries.length);
  }
}

/** The built-in last entry (only when the engine has controls): opens the settings screen. */
const SETTINGS_ENTRY: AnyGame = {
  id: 'settings',
  title: 'Settings',
  kind: 'app',
  icon: SETTINGS_ICON,
  create: () => {
    throw new Error('the settings entry opens a screen, it is not a game');
  },
};

/** The entry's icon centred in the top rows, or its initial in the large font. */
function drawIcon(g: Graphics, entry: AnyGame, dx: number): void {
  if (entry.icon) {
    const x = Math.floor((g.width - entry.icon.width) / 2) + dx;
    const y = Math.max(0, Math.floor((ICON_ROWS - entry.icon.height) / 2));
    g.sprite(entry.icon, x, y);
    return;
  }
  const initial = entry.title.slice(0, 1).toUpperCase();
  const color = hsv(hashHue(entry.id), 0.8, 1);
  const width = g.textWidth(initial, FONT_5X7);
  g.text(initial, Math.floor((g.width - width) / 2) + dx, 1, color, FONT_5X7);
}

function drawPositionDots(g: Graphics, selected: number, count: number): void {
  const spacing = count * 2 - 1 <= g.width ? 2 : 1;
  const span = Math.min(count, Math.floor((g.width + spacing - 1) / spacing));
  const first = Math.max(0, Math.min(selected - Math.floor(span / 2), count - span));
  const x0 = Math.floor((g.width - (span * spacing - (spacing - 1))) / 2);
  for (let i = 0; i < span; i++) {
    const index = first + i;
    g.set(x0 + i * spacing, g.height - 1, index === selected ? 0xffffff : dim(0xffffff, 0.2));
  }
}

function hashHue(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 360;
  return h;
}
