import { PLAYER_COLORS } from '../gfx/color.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { AnyGame, Engine } from './engine.ts';
import type { GameResult } from './game.ts';
import type { ScoreRecord } from './persistence.ts';
import type { Scene } from './scene.ts';

/**
 * The end of a game: its message (or the winner) on top; below, the score alternating with the
 * high score ("NEW HI" when beaten). After a short guard time any of A, start or back returns to
 * the menu; it returns by itself after 30 seconds.
 */
export class ResultScreen implements Scene {
  readonly title: string;
  private shownFor = 0;
  private readonly headline: string;
  private readonly headlineColor: number;

  constructor(
    private readonly engine: Engine,
    definition: AnyGame,
    private readonly result: GameResult,
    private readonly record: ScoreRecord | undefined,
  ) {
    this.title = `${definition.title} result`;
    const winner = result.winner;
    this.headline =
      result.message ?? (winner === undefined ? 'GAME OVER' : winner < 0 ? 'DRAW' : `P${winner + 1} WINS`);
    this.headlineColor = winner !== undefined && winner >= 0 ? (PLAYER_COLORS[winner] ?? 0xffd000) : 0xffd000;
  }

  update(input: Input): void {
    this.shownFor++;
    const guard = this.engine.rate; // one second before a press counts
    const pressed = input.any.pressed('a') || input.any.pressed('start') || input.any.pressed('back');
    if ((this.shownFor > guard && pressed) || this.shownFor > this.engine.rate * 30) this.engine.menu();
  }

  draw(g: Graphics): void {
    g.clear();
    g.banner(this.headline.toUpperCase(), 1, this.headlineColor, this.shownFor);
    const score = this.result.score;
    if (score === undefined) return;
    const page = Math.floor(this.shownFor / (this.engine.rate * 2)) % 2;
    if (page === 0 || !this.record) {
      g.banner(String(score), 9, 0xffffff, this.shownFor);
      return;
    }
    const blinkOn = Math.floor(this.shownFor / Math.max(1, this.engine.rate / 4)) % 2 === 0;
    if (this.record.isNew) {
      g.banner('NEW HI', 9, blinkOn ? 0x40ff40 : 0x108010, this.shownFor);
    } else {
      g.banner(`HI ${this.record.best}`, 9, 0x40d0ff, this.shownFor);
    }
  }
}
