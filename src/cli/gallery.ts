/**
 * `npm run gallery`: an animated GIF of every game in games/ from a short headless run with
 * seeded computer play (random presses, no back or start), into docs/gallery/<id>.gif, plus the
 * run as a replay in assets/replays/<id>.json (the idle playlist's demos play those). Prints the
 * Markdown for the README. Deterministic: the same code gives the same files.
 */
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCapture } from '../capture/run-capture.ts';
import type { AnyGame } from '../engine/game.ts';
import { MemoryLogger } from '../engine/log.ts';
import { Random } from '../engine/random.ts';
import { BUTTONS, type Button } from '../input/buttons.ts';
import type { ScriptedEvent } from '../input/scripted-input.ts';
import { ReplayRecorder, saveReplay } from '../replay/replay.ts';
import type { AudioInputFactory } from '../sound-in/audio-input.ts';
import { writeWav } from '../sound-in/wav.ts';
import { BUILT_IN_REPLAYS } from '../table/demos.ts';
import type { Table } from '../table/table.ts';
import { wavInput } from './audio-input.ts';
import { galleryTune } from './gallery-tune.ts';
import { runHeadless } from './headless.ts';
import { defaultOptions } from './options.ts';
import { prepareTable } from './table-setup.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GALLERY_DIR = join(ROOT, 'docs/gallery');

export interface GalleryPlan {
  /** Ticks to run and record (60 per second). */
  readonly ticks: number;
  readonly seed: number;
  /** Chance per tick that the computer changes a button. */
  readonly activity: number;
  /** Buttons the computer plays. */
  readonly buttons: readonly Button[];
  /** Game settings for the run (e.g. computer snakes), as `--set` would give them. */
  readonly settings?: Readonly<Record<string, string | number>>;
  /** Sound in for apps that listen: the synthetic gallery tune (as --audio-in wav:FILE). */
  readonly tune?: boolean;
}

const DEFAULT_PLAN: GalleryPlan = {
  ticks: 300,
  seed: 7,
  activity: 0.12,
  buttons: BUTTONS.filter((b) => b !== 'back' && b !== 'start'),
};

/** Per-game tweaks so each GIF shows play rather than a pause or the result screen. */
const PLANS: Readonly<Record<string, Partial<GalleryPlan>>> = {
  flappy: { buttons: ['a'], activity: 0.1 },
  snake: { buttons: ['up', 'down', 'left', 'right'], activity: 0.03, ticks: 360, settings: { cpu: 3 } },
  life: { buttons: [], ticks: 240 },
  tetris: { buttons: ['left', 'right', 'up', 'down', 'a'], activity: 0.1, ticks: 420 },
  testpattern: { buttons: ['right'], activity: 0.02 },
  viewer: { buttons: [], ticks: 360 },
  tpm2: { buttons: [], ticks: 120 },
  clock: { buttons: ['right'], activity: 0.012, ticks: 600, settings: { tz: 'Europe/Berlin' } },
  effects: { buttons: ['right'], activity: 0.012, ticks: 360, settings: { light: 'high' } },
  boards: { buttons: ['b', 'a'], activity: 0.03, ticks: 420, settings: { board: 'ludo', light: 4 } },
  text: { buttons: [], ticks: 360, settings: { message: 'WELCOME TO LEDTABLE' } },
  visualiser: { buttons: ['right', 'up'], activity: 0.008, ticks: 480, tune: true },
};

/** Seeded presses and releases of `plan.buttons` by every player. */
export function computerPlay(plan: GalleryPlan, players: number): ScriptedEvent[] {
  const random = new Random(plan.seed);
  const down = new Set<string>();
  const events: ScriptedEvent[] = [];
  if (plan.buttons.length === 0) return events;
  for (let tick = 0; tick < plan.ticks; tick++) {
    if (!random.chance(plan.activity)) continue;
    const player = random.int(players);
    const button = random.pick(plan.buttons);
    const key = `${player}:${button}`;
    const isDown = !down.has(key);
    if (isDown) down.add(key);
    else down.delete(key);
    events.push({ tick, player, button, down: isDown });
  }
  return events;
}

export interface GalleryEntry {
  readonly game: AnyGame;
  readonly gif: string;
  readonly bytes: number;
}

/** Where makeGallery writes: docs/gallery/ and assets/replays/ unless a test says otherwise. */
export interface GalleryDirs {
  readonly gifs: string;
  readonly replays: string;
}

/**
 * Runs every game and writes its GIF and replay; `only` limits it to some ids (`npm run gallery
 * -- pong` rebuilds one). The same code gives the same bytes: seeded play, no clock, no user
 * state (high scores start empty), and GIF encoding without dithering.
 */
export async function makeGallery(
  only: readonly string[] = [],
  scale = 8,
  dirs: GalleryDirs = { gifs: GALLERY_DIR, replays: BUILT_IN_REPLAYS },
): Promise<GalleryEntry[]> {
  mkdirSync(dirs.gifs, { recursive: true });
  mkdirSync(dirs.replays, { recursive: true });
  const log = new MemoryLogger();
  const base = defaultOptions();
  const table = await prepareTable(base, {}, log);
  const entries: GalleryEntry[] = [];
  for (const game of table.catalog) {
    if (only.length > 0 && !only.includes(game.id)) continue;
    const plan = { ...DEFAULT_PLAN, ...PLANS[game.id] };
    const players = game.players?.min ?? 1;
    const options = { ...base, seed: plan.seed, ticks: plan.ticks, players };
    const gif = join(dirs.gifs, `${game.id}.gif`);
    const capture = startCapture(gif, { width: base.width, height: base.height, rate: base.fps }, { scale });
    let recorder: ReplayRecorder | undefined;
    const tableBase = plan.tune
      ? { ...table.tableBase, audioIn: tuneInput(plan.ticks / base.fps + 1) }
      : table.tableBase;
    await runHeadless({ ...table, options, tableBase }, game.id, { [game.id]: { ...plan.settings } }, log, {
      events: computerPlay(plan, players),
      onFrame: (frame) => capture.onFrame(frame),
      onStart: (table: Table) => {
        recorder = new ReplayRecorder(table, base.layout);
      },
    });
    await capture.finish();
    // A run shaped by sound in cannot be replayed from its button events: no demo replay for it.
    if (recorder && !plan.tune) saveReplay(join(dirs.replays, `${game.id}.json`), recorder.finish());
    entries.push({ game, gif, bytes: statSync(gif).size });
  }
  for (const line of log.lines) if (line.startsWith('error:')) process.stderr.write(`gallery: ${line}\n`);
  return entries;
}

/** The gallery tune written to a temporary WAV file and played through the --audio-in wav: path. */
function tuneInput(seconds: number): AudioInputFactory {
  const file = join(mkdtempSync(join(tmpdir(), 'ledtable-gallery-')), 'tune.wav');
  writeWav(file, galleryTune(seconds, 22050), 22050);
  return (rate) => wavInput(file, rate);
}

/** The README snippet: a table of GIFs, four per row, each linking to the game's README. */
export function galleryMarkdown(entries: readonly GalleryEntry[], from = ROOT): string {
  const cells = entries.map(({ game, gif }) => {
    const src = relative(from, gif).split('\\').join('/');
    return `<a href="games/${game.id}/README.md"><img src="${src}" width="160" alt="${game.title}"><br>${game.title}</a>`;
  });
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 4) rows.push(`| ${cells.slice(i, i + 4).join(' | ')} |`);
  const columns = Math.min(4, cells.length);
  const header = `|${' |'.repeat(columns)}\n|${'---|'.repeat(columns)}`;
  return `${header}\n${rows.join('\n')}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ids = process.argv.slice(2);
  const entries = await makeGallery(ids);
  const unknown = ids.filter((id) => !entries.some((e) => e.game.id === id));
  if (unknown.length > 0) {
    process.stderr.write(`gallery: no game ${unknown.join(', ')} in games/\n`);
    process.exitCode = 2;
  }
  for (const { game, bytes } of entries) {
    process.stderr.write(`gallery: ${game.id}.gif ${Math.round(bytes / 1024)} KB\n`);
  }
  process.stdout.write(`${galleryMarkdown(entries)}\n`);
}
