import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import snake from '../../games/snake/index.ts';
import tetris from '../../games/tetris/index.ts';
import text from '../../games/text/index.ts';
import viewer from '../../games/viewer/index.ts';
import { savedMessageFile, withSavedMessage } from '../../src/cli/saved-message.ts';
import { createTableControls } from '../../src/cli/table-controls.ts';
import { picturesDir, withUploadedPictures } from '../../src/cli/uploaded-pictures.ts';
import { startWeb } from '../../src/cli/web.ts';
import type { OptionGroup } from '../../src/config/options.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { describeSeatChange, PlayerSeats } from '../../src/input/player-seats.ts';
import { ColorPipeline } from '../../src/output/color-pipeline.ts';
import { compileLayout, DEFAULT_LAYOUT } from '../../src/output/layout.ts';
import { OutputStage } from '../../src/output/output-stage.ts';
import { Table } from '../../src/table/table.ts';
import { CodeScreen } from '../../src/web/code-screen.ts';
import type { PhonePads } from '../../src/web/phone-pads.ts';
import type { WebServer } from '../../src/web/web-server.ts';

export interface WebTableOptions {
  readonly pairing?: boolean;
  readonly publicView?: boolean;
  /** The option groups whose settings become lines (default: the program's). */
  readonly groups?: readonly OptionGroup[];
}

/**
 * A table as `ledtable --web` wires it (src/cli/web.ts, the params of src/cli/run-table.ts), but on a manual clock, with a temporary
 * data dir, the server on a free port of 127.0.0.1, and the output stage without LED drivers
 * (the live view is its tap). `notices` holds the seat notices the table showed ('P2 LOST');
 * `code` reads the pairing code off the table's code screen.
 */
export class WebTable {
  readonly clock = new ManualClock();
  readonly log = new MemoryLogger();
  readonly table: Table;
  readonly engine: Engine;
  readonly pipeline = new ColorPipeline({ brightness: 100, budgetMilliamps: 8000 });
  readonly notices: string[] = [];
  /** The mixer's levels the settings change (no audio output is started). */
  readonly sound = { volume: 80, music: true, effects: true };
  /** What the idle show's hook was last given (the run's IdleShow in `ledtable`). */
  idleShow = 'mix';
  readonly dataDir: string;
  readonly stage: OutputStage;
  /** The last frame as people see it (what the live view sends). */
  readonly seen = new Uint8Array(20 * 15 * 3);
  server!: WebServer;
  pads!: PhonePads;
  url = '';
  private stopWeb: (() => Promise<void>) | undefined;

  private constructor(options: WebTableOptions) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'ledtable-web-'));
    // The real frame path without LED drivers: the web page's live view is a tap of it.
    this.stage = new OutputStage(compileLayout(20, 15, DEFAULT_LAYOUT), [], this.pipeline, (_, error) => {
      throw error;
    });
    this.stage.tap((seen) => this.seen.set(seen));
    this.table = new Table({
      catalog: [tetris, snake, viewer, text],
      clock: this.clock,
      log: this.log,
      seed: 1,
      idleSeconds: 0,
      params: withSavedMessage(
        withUploadedPictures(undefined, picturesDir(this.dataDir)),
        savedMessageFile(this.dataDir, (message) => this.log.warn(message)),
      ),
      controls: createTableControls({
        options: { brightness: 100, idle: 0, defaultPlayers: 0, service: false },
        sound: this.sound,
        pipeline: this.pipeline,
        dataDir: this.dataDir,
        env: {},
        report: (message) => this.log.warn(message),
        hooks: {
          idleShow: (name) => {
            this.idleShow = name;
          },
        },
        ...(options.groups ? { groups: options.groups } : {}),
      }),
      sink: this.stage,
    });
    this.engine = this.table.engine;
    this.engine.start();
  }

  static async start(options: WebTableOptions = {}): Promise<WebTable> {
    const table = new WebTable(options);
    const web = await startWeb({
      options: {
        web: '127.0.0.1:0',
        webOpen: !(options.pairing ?? true),
        webPrivateView: !(options.publicView ?? true),
        output: ['null'],
      },
      table: table.table,
      pipeline: table.pipeline,
      controls: table.table.controls,
      dataDir: table.dataDir,
      ledCount: 300,
      log: table.log,
    });
    if (!web) throw new Error(`the web server did not start: ${table.log.lines.join('\n')}`);
    // The phones are seated as in `ledtable --web` (src/cli/physical-input.ts).
    const seats = new PlayerSeats(table.engine.input, (change) => {
      const { notice } = describeSeatChange(change);
      table.notices.push(notice);
      table.table.notify(notice);
    });
    web.pads.start(() => {}, seats);
    table.server = web.server;
    table.pads = web.pads;
    table.url = `http://127.0.0.1:${web.port}`;
    table.stopWeb = () => web.stop();
    const view = web.server.view;
    table.stage.tap((seen) => view.frame(seen, 20, 15));
    return table;
  }

  /** Runs `ticks` ticks, waiting for pending tasks (picture decoding) before each. */
  async step(ticks = 1): Promise<void> {
    for (let i = 0; i < ticks; i++) {
      if (this.engine.busy) await this.engine.settle();
      this.clock.step(1);
    }
  }

  private lastCode = '';

  /** The pairing code on the table now, else the last one it showed. */
  get code(): string {
    const top = this.engine.top;
    if (top instanceof CodeScreen) this.lastCode = top.code;
    if (!this.lastCode) throw new Error('the table has shown no pairing code');
    return this.lastCode;
  }

  /** POSTs `body` as JSON to `path`, with the pairing cookie when given; the reply's JSON. */
  async post(path: string, body: unknown, cookie?: string) {
    const response = await fetch(this.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  }

  async stop(): Promise<void> {
    await this.stopWeb?.();
    this.engine.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
