import type { Options } from '../config/options.ts';
import type { AnyGame } from '../engine/game.ts';
import type { LiveFeed } from '../engine/live-feed.ts';
import type { Logger } from '../engine/log.ts';
import type { Layout } from '../output/layout.ts';
import { UsageError } from './io.ts';

/** The id of the app that shows network frames (games/live). */
export const LIVE_APP_ID = 'live';

export interface LiveInput {
  /** For TableOptions.live. */
  readonly table: { readonly feed: LiveFeed; readonly takeover?: AnyGame | undefined };
  close(): Promise<void>;
}

/**
 * `--live ddp,e131,artnet,tpm2net`: starts the network receivers (hardware/live-receiver.ts,
 * imported only when asked for) and hands them to the table as its live feed; with
 * `--live-takeover` the live app starts by itself when a stream begins. Undefined without --live.
 */
export async function startLiveInput(
  options: Options,
  layout: Layout,
  catalog: readonly AnyGame[],
  log: Logger,
): Promise<LiveInput | undefined> {
  if (options.live.length === 0) return undefined;
  const { LiveReceiver, parseLiveListen } = await import('../../hardware/live-receiver.ts');
  let receiver: InstanceType<typeof LiveReceiver>;
  try {
    receiver = new LiveReceiver({
      ledCount: layout.ledCount,
      listen: parseLiveListen(options.live),
      host: options.liveHost,
      timeoutSeconds: options.liveTimeout,
      e131Universe: options.e131Universe,
      artnetAddress: options.artnetUniverse,
      log: (message) => log.warn(message),
    });
    await receiver.start();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  log.info(`live: listening for ${receiver.listening}`);
  const app = catalog.find((game) => game.id === LIVE_APP_ID);
  if (options.liveTakeover && !app)
    log.warn('live: --live-takeover needs the live app (games/live), which is missing');
  return {
    table: { feed: receiver, takeover: options.liveTakeover ? app : undefined },
    close: () => receiver.close(),
  };
}
