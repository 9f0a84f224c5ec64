import type { AnyGame, GameResult } from '../engine/game.ts';
import type { Scene } from '../engine/scene.ts';
import { PLAYER_COLORS } from '../gfx/color.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { TableHost } from './host.ts';
import type { ScoreRecord } from './persistence.ts';

/**
 * The end of a game: its message (or the winner) on top; below, the score alternating with the
 * high score ("NEW HI" when beaten). Without a score, a headline too wide for one line but made
 * of words that fit on two ("P1" / "WINS") is shown on both lines instead of scrolling. After a
 * short guard time A or start plays the same game again (same players and settings, a new seed)
 * and back returns to the menu; it returns to the menu by itself after 30 seconds.
 */
export class ResultScreen implements Scene {
  readonly title: string;
  private shownFor = 0;
  private readonly headline: string;
  private readonly headlineColor: number;
  /** The headline split over two lines, when it has no score below and fits that way. */
  private split: readonly [string, string] | undefined;
  private splitFor = -1;

  constructor(
    private readonly host: TableHost,
    private readonly definition: AnyGame,
    private readonly result: GameResult,
    private readonly record: ScoreRecord | undefined,
  ) {
    this.title = `${definition.title} result`;
    const winner = result.winner;
    this.headline =
      result.message ?? (winner === undefined ? 'GAME OVER' : winner < 0 ? 'DRAW' : `P${winner + 1} WINS`);
    this.headlineColor = winner !== undefined && winner >= 0 ? (PLAYER_COLORS[winner] ?? 0xffd000) : 0xffd000;
    host.sound?.play(record?.isNew ? 'high-score' : 'game-over');
  }

  update(input: Input): void {
    this.shownFor++;
    const ready = this.shownFor > this.host.rate; // one second before a press counts
    if (this.shownFor > this.host.rate * 30 || (ready && input.any.pressed('back'))) {
      this.host.menu();
    } else if (ready && input.any.confirm()) {
      this.playAgain();
    }
  }

  /** The same game with the same players, settings and params; a fresh seed. */
  private playAgain(): void {
    const last = this.host.lastLaunch;
    if (last?.game.id !== this.definition.id) {
      this.host.menu();
      return;
    }
    const { seed: _previous, ...choices } = last.options;
    this.host.play(last.game, choices);
  }

  draw(g: Graphics): void {
    g.clear();
    const score = this.result.score;
    if (score === undefined) {
      const lines = this.twoLines(g);
      if (lines) {
        g.banner(lines[0], 1, this.headlineColor, 0);
        g.banner(lines[1], 9, this.headlineColor, 0);
      } else g.banner(this.headline.toUpperCase(), 1, this.headlineColor, this.shownFor);
      return;
    }
    g.banner(this.headline.toUpperCase(), 1, this.headlineColor, this.shownFor);
    const page = Math.floor(this.shownFor / (this.host.rate * 2)) % 2;
    if (page === 0 || !this.record) {
      g.banner(String(score), 9, 0xffffff, this.shownFor);
      return;
    }
    const blinkOn = Math.floor(this.shownFor / Math.max(1, this.host.rate / 4)) % 2 === 0;
    if (this.record.isNew) {
      g.banner('NEW HI', 9, blinkOn ? 0x40ff40 : 0x108010, this.shownFor);
    } else {
      g.banner(`HI ${this.record.best}`, 9, 0x40d0ff, this.shownFor);
    }
  }

  /** The best split of the headline at a space into two lines that each fit, or undefined. */
  private twoLines(g: Graphics): readonly [string, string] | undefined {
    if (this.splitFor === g.width) return this.split;
    this.splitFor = g.width;
    this.split = undefined;
    const text = this.headline.toUpperCase();
    if (g.textWidth(text) <= g.width) return undefined;
    let widest = Number.POSITIVE_INFINITY;
    for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
      const first = text.slice(0, i).trim();
      const second = text.slice(i + 1).trim();
      const wider = Math.max(g.textWidth(first), g.textWidth(second));
      if (wider <= g.width && wider < widest) {
        widest = wider;
        this.split = [first, second];
      }
    }
    return this.split;
  }
}
