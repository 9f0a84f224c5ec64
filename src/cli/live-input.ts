import { defineOptions } from '../config/options.ts';
import type { AnyGame } from '../engine/game.ts';
import type { LiveFeed } from '../engine/live-feed.ts';
import type { Logger } from '../engine/log.ts';
import type { Layout } from '../output/layout.ts';
import { UsageError } from './io.ts';

/** The id of the app that shows network frames (games/live). */
export const LIVE_APP_ID = 'live';

export const liveOptions = defineOptions('Live input (ledtable as a receiver)', {
  live: {
    flag: '--live',
    type: 'list',
    default: [],
    arg: 'PROTO',
    check: (value: string) =>
      /^(ddp|e131|artnet|tpm2net)(:\d{1,5})?$/.test(value)
        ? undefined
        : 'must be ddp, e131, artnet or tpm2net, optionally with :PORT (e.g. ddp or e131:5568)',
    help:
      'Listen for frames from xLights, Jinx!, Hyperion, LedFx… over these protocols (ddp 4048, e131 5568 ' +
      'from --e131-universe, artnet 6454 from --artnet-universe, tpm2net 65506; 170 LEDs per universe); ' +
      'the Live input app shows them.',
    scope: 'config',
  },
  liveHost: {
    flag: '--live-host',
    type: 'string',
    default: '0.0.0.0',
    arg: 'ADDR',
    help: 'Address the --live receivers bind (0.0.0.0 = every interface; E1.31 then joins its multicast groups).',
    scope: 'config',
  },
  liveTakeover: {
    flag: '--live-takeover',
    type: 'bool',
    default: true,
    help: "Start the Live input app by itself when a --live stream begins (like WLED's realtime mode).",
    scope: 'config',
  },
  liveTimeout: {
    flag: '--live-timeout',
    type: 'number',
    default: 5,
    min: 0.5,
    max: 3600,
    arg: 'S',
    help: 'Seconds without a --live frame after which the Live input app returns to the menu.',
    scope: 'config',
  },
});

/** The options the receivers read (--live… and the strip's first universes). */
export interface LiveOptions {
  readonly live: readonly string[];
  readonly liveHost: string;
  readonly liveTakeover: boolean;
  readonly liveTimeout: number;
  readonly e131Universe: number;
  readonly artnetUniverse: number;
}

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
  options: LiveOptions,
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
