import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyGame } from '../engine/game.ts';
import { MemoryLogger } from '../engine/log.ts';
import type { Scene } from '../engine/scene.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import { parseReplay, type Replay } from '../replay/replay.ts';
import type { TableHost } from './host.ts';
import { Screensaver } from './screensaver.ts';
import { Stepper } from './stepper.ts';

/** Demo replays shipped with ledtable (made by `npm run gallery`). */
export const BUILT_IN_REPLAYS = fileURLToPath(new URL('../../assets/replays/', import.meta.url));

/** A demo: a game and a recording of it. */
export interface Demo {
  readonly game: AnyGame;
  readonly replay: Replay;
}

/**
 * Reads every `*.json` replay in `dir` whose game is in the catalog and whose size and rate
 * match the table; files that do not parse are reported through `warn` and skipped.
 */
export function loadDemos(
  dir: string,
  catalog: readonly AnyGame[],
  table: { width: number; height: number; rate: number },
  warn: (message: string) => void = () => {},
): Demo[] {
  if (!existsSync(dir)) return [];
  const demos: Demo[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = join(dir, name);
    try {
      const replay = parseReplay(JSON.parse(readFileSync(file, 'utf8')), file);
      const game = catalog.find((g) => g.id === replay.game);
      const fits =
        replay.width === table.width && replay.height === table.height && replay.rate === table.rate;
      if (game && fits) demos.push({ game, replay });
    } catch (error) {
      warn(`attract mode: skipped ${file}: ${(error as Error).message}`);
    }
  }
  return demos;
}

export interface AttractOptions {
  readonly demos: readonly Demo[];
  /** Longest time one demo plays before the next (s); a shorter replay ends its demo sooner. */
  readonly demoSeconds: number;
}

/**
 * The screensaver for TableOptions.screensaver: plays the demos in turn, each in its own quiet
 * engine (in-memory scores, no output) whose frames are copied onto the table, with the game's
 * title across the top for the first two seconds. Any button returns to the menu. Without demos
 * it is the plain colour screensaver.
 */
export function attractMode(options: AttractOptions): (host: TableHost) => Scene {
  let next = 0;
  return (host) => {
    if (options.demos.length === 0) return new Screensaver(host);
    const start = next;
    next = (next + 1) % options.demos.length;
    return new AttractScene(host, options, start);
  };
}

class AttractScene implements Scene {
  readonly title = 'Attract';
  private index: number;
  private demo!: Stepper;
  private limit = 0;

  constructor(
    private readonly host: TableHost,
    private readonly options: AttractOptions,
    first: number,
  ) {
    this.index = first;
    this.begin();
  }

  private get current(): Demo {
    return this.options.demos[this.index]!;
  }

  private begin(): void {
    const { game, replay } = this.current;
    this.demo = new Stepper(
      {
        catalog: [game],
        log: new MemoryLogger(),
        width: this.host.width,
        height: this.host.height,
        rate: this.host.rate,
        seed: replay.seed,
        idleSeconds: 0,
      },
      replay.events,
    );
    this.demo.table.play(game, {
      seed: replay.seed,
      players: replay.players,
      settings: replay.settings,
      params: replay.params,
    });
    this.limit = Math.min(replay.ticks, Math.round(this.options.demoSeconds * this.host.rate));
  }

  update(input: Input): void {
    if (this.host.input.activity && input.any.anyPressed()) {
      this.host.pop();
      return;
    }
    if (this.demo.ticks >= this.limit || this.demo.engine.depth === 1) {
      this.demo.stop();
      this.index = (this.index + 1) % this.options.demos.length;
      this.begin();
    }
    this.demo.stepNow();
  }

  draw(g: Graphics): void {
    const frame = this.demo.engine.frame;
    for (let y = 0; y < g.height; y++) for (let x = 0; x < g.width; x++) g.set(x, y, frame.get(x, y));
    if (this.demo.ticks < this.host.rate * 2) {
      g.fillRect(0, 0, g.width, 7, 0x000000);
      g.banner(this.current.game.title.toUpperCase(), 1, 0xffffff, this.demo.ticks);
    }
  }

  dispose(): void {
    this.demo.stop();
  }
}
