import type { AnyGame } from '../engine/game.ts';
import { describeError, MemoryLogger } from '../engine/log.ts';
import type { Scene } from '../engine/scene.ts';
import type { Graphics } from '../gfx/graphics.ts';
import { BUTTONS, type Input } from '../input/buttons.ts';
import type { AudioInputFactory } from '../sound-in/audio-input.ts';
import type { Demo } from './demos.ts';
import type { TableHost } from './host.ts';
import type { PlaylistItem } from './playlist-item.ts';
import { Screensaver } from './screensaver.ts';
import { Stepper } from './stepper.ts';

export interface PlaylistOptions {
  readonly items: readonly PlaylistItem[];
  readonly catalog: readonly AnyGame[];
  /** Recorded demos; apps among them are left out (an app plays live as its own entry). */
  readonly demos: readonly Demo[];
  /** What apps read as ctx.now() (the clock shows the real time): default the ticks' clock. */
  readonly wallClock?: () => number;
  /** Sound for apps that listen (the visualiser). */
  readonly audioIn?: AudioInputFactory;
  /** Problems with entries (an unknown id, no demos): reported once, the entry skipped. */
  readonly warn?: (message: string) => void;
}

/**
 * The idle scene for TableOptions.screensaver: plays the playlist's entries in turn, each in its
 * own quiet table (in-memory scores and stores, no output) whose frames are copied onto the
 * table, and goes on where it stopped the next time the table falls idle. Demos show the
 * game's title for their first two seconds. Any button returns to the menu. With nothing
 * playable it is the plain colour screensaver.
 */
export function playlistMode(options: PlaylistOptions): (host: TableHost) => Scene {
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (!warned.has(message)) options.warn?.(message);
    warned.add(message);
  };
  const demos = options.demos.filter((demo) => demo.game.kind !== 'app');
  const items = options.items.filter((item) => {
    if (item.kind === 'demos') {
      if (demos.length === 0)
        warn('idle playlist: no game demos (assets/replays/, or --demo-seconds is 0); skipping "demos"');
      return demos.length > 0;
    }
    const known = options.catalog.some((game) => game.id === item.id);
    if (!known)
      warn(`idle playlist: no app "${item.id}"; available: ${options.catalog.map((g) => g.id).join(', ')}`);
    return known;
  });
  const position = { item: 0, demo: 0 };
  return (host) =>
    items.length === 0 ? new Screensaver(host) : new PlaylistScene(host, options, items, demos, position);
}

class PlaylistScene implements Scene {
  readonly title = 'Playlist';
  private stepper: Stepper | undefined;
  private limit = 0;
  private banner = '';
  private failures = 0;

  constructor(
    private readonly host: TableHost,
    private readonly options: PlaylistOptions,
    private readonly items: readonly PlaylistItem[],
    private readonly demos: readonly Demo[],
    private readonly position: { item: number; demo: number },
  ) {
    this.begin();
  }

  /** The id of what plays now (tests, logs). */
  get playing(): string {
    return this.stepper?.table.lastLaunch?.game.id ?? '';
  }

  private begin(): void {
    const item = this.items[this.position.item % this.items.length]!;
    this.position.item = (this.position.item + 1) % this.items.length;
    const base = {
      log: new MemoryLogger(),
      width: this.host.width,
      height: this.host.height,
      rate: this.host.rate,
      idleSeconds: 0,
      params: (id: string) => this.host.paramsOf(id), // the text app shows the owner's message
      ...(this.options.wallClock ? { wallClock: this.options.wallClock } : {}),
      ...(this.options.audioIn ? { audioIn: this.options.audioIn } : {}),
    };
    try {
      if (item.kind === 'demos') {
        const { game, replay } = this.demos[this.position.demo % this.demos.length]!;
        this.position.demo = (this.position.demo + 1) % this.demos.length;
        this.stepper = new Stepper({ ...base, catalog: [game], seed: replay.seed }, replay.events);
        this.stepper.table.play(game, {
          seed: replay.seed,
          players: replay.players,
          settings: replay.settings,
          params: replay.params,
        });
        this.limit = Math.min(replay.ticks, Math.round(item.seconds * this.host.rate));
        this.banner = game.title.toUpperCase();
      } else {
        const game = this.options.catalog.find((g) => g.id === item.id)!;
        this.stepper = new Stepper({ ...base, catalog: [game], seed: 1 });
        this.stepper.table.play(game, { seed: 1, settings: item.settings });
        this.limit = Math.round(item.seconds * this.host.rate);
        this.banner = '';
      }
      this.failures = 0;
    } catch (error) {
      // a bad entry (e.g. a setting the app does not have) is skipped, never fatal
      this.host.log.warn(`idle playlist: ${describeError(error).message}`);
      this.stepper?.stop();
      this.stepper = undefined;
      if (++this.failures < this.items.length) this.begin();
    }
  }

  update(input: Input): void {
    if (this.host.input.activity && anyPressed(input)) {
      this.host.pop();
      return;
    }
    const stepper = this.stepper;
    if (!stepper) return;
    if (stepper.ticks >= this.limit || stepper.engine.depth === 1) {
      stepper.stop();
      this.begin();
    }
    this.stepper?.stepNow();
  }

  draw(g: Graphics): void {
    const stepper = this.stepper;
    if (!stepper) {
      g.clear();
      return;
    }
    const frame = stepper.engine.frame;
    for (let y = 0; y < g.height; y++) for (let x = 0; x < g.width; x++) g.set(x, y, frame.get(x, y));
    if (this.banner && stepper.ticks < this.host.rate * 2) {
      g.fillRect(0, 0, g.width, 7, 0x000000);
      g.banner(this.banner, 1, 0xffffff, stepper.ticks);
    }
  }

  dispose(): void {
    this.stepper?.stop();
  }
}

function anyPressed(input: Input): boolean {
  for (const button of BUTTONS) if (input.any.pressed(button)) return true;
  return false;
}
