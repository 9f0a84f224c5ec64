import { join } from 'node:path';
import { JsonFile } from '../config/json-store.ts';
import type { Logger } from '../engine/log.ts';
import type { ColorPipeline } from '../output/color-pipeline.ts';
import type { TableControls } from '../table/controls.ts';
import type { Table } from '../table/table.ts';
import { parseWebAddress } from '../web/address.ts';
import { Pairing } from '../web/pairing.ts';
import { PhonePads } from '../web/phone-pads.ts';
import { PictureStore } from '../web/pictures.ts';
import { tableLink } from '../web/table-link.ts';
import { WebServer } from '../web/web-server.ts';
import type { Options } from './options.ts';
import { messageBox, savedMessageFile } from './saved-message.ts';
import { picturesDir } from './uploaded-pictures.ts';

export interface StartWebOptions {
  readonly options: Pick<Options, 'web' | 'webOpen' | 'webPrivateView' | 'output'>;
  readonly table: Table;
  readonly pipeline: ColorPipeline;
  readonly controls: TableControls | undefined;
  readonly dataDir: string;
  readonly ledCount: number;
  readonly log: Logger;
}

/**
 * Starts the web page (`--web`): pairing, pictures and the saved message in the data dir, and the server. Resolves with
 * the server (its live view is a frame tap for the output stage), the phone pads (an input
 * source the caller starts with the table's seats) and a stop function; a port in use is
 * reported and the table runs on.
 */
export async function startWeb(
  config: StartWebOptions,
): Promise<{ server: WebServer; pads: PhonePads; port: number; stop(): Promise<void> } | undefined> {
  const { options, table, pipeline, controls, dataDir, log } = config;
  const address = parseWebAddress(options.web);
  const pads = new PhonePads();
  const report = (message: string) => log.warn(message);
  const settingsFile = new JsonFile<Record<string, unknown>>(
    join(dataDir, 'settings.json'),
    () => ({}),
    report,
  );
  const idleFloor = config.ledCount * pipeline.idleMilliamps;
  const link = tableLink({
    table,
    controls,
    power: {
      get budgetMilliamps() {
        return pipeline.budgetMilliamps;
      },
      get lastMilliamps() {
        return pipeline.lastMilliamps;
      },
      // Below the idle current of the strip a budget cannot hold: those values mean "the least".
      setBudget: (mA) =>
        pipeline.setBudget(mA <= 0 ? 0 : Math.max(Math.ceil(idleFloor) + 100, Math.round(mA))),
    },
    outputs: options.output,
    picture: (id) => `/gallery/${id}.gif`,
    // not a settings line (the table's lines save themselves through controls.save)
    savePowerBudget: (milliamps) => settingsFile.write({ ...settingsFile.read(), powerBudget: milliamps }),
    showPicture: (path) => {
      const viewer = table.catalog.find((game) => game.id === 'viewer');
      if (!viewer) throw new Error('the picture viewer (games/viewer) is not installed');
      table.play(viewer, { params: { path } });
    },
    messages: messageBox(table, savedMessageFile(dataDir, report)),
    picturesChanged: () => {
      const last = table.lastLaunch;
      if (table.engine.game?.definition.id === 'viewer' && last) table.play(last.game, last.options);
    },
  });
  const server = new WebServer({
    address,
    table: link,
    pads,
    pictures: new PictureStore(picturesDir(dataDir)),
    pairing: !options.webOpen ? new Pairing(join(dataDir, 'web-tokens.json'), report) : undefined,
    publicView: !options.webPrivateView,
    log: (message) => log.info(message),
  });
  let port: number;
  try {
    port = await server.listen();
    log.info(`web page on http://${address.host || 'localhost'}:${port}/`);
  } catch (error) {
    log.warn(`--web ${options.web}: ${(error as Error).message}; the table runs without its web page`);
    link.dispose();
    return undefined;
  }
  return {
    server,
    pads,
    port,
    async stop() {
      link.dispose();
      pads.stop();
      await server.close();
    },
  };
}
