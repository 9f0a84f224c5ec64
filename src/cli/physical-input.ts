import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EvdevSource } from '../../hardware/evdev/evdev-source.ts';
import {
  keyButtonsWith,
  type PadMapRule,
  type PadPlayerRule,
  parsePadMapRule,
  parsePadPlayerRule,
} from '../../hardware/evdev/maps.ts';
import { loadNodeHid } from '../../hardware/hid/hid-api.ts';
import { type HidMaps, validateHidMaps } from '../../hardware/hid/hid-map.ts';
import { HidSource } from '../../hardware/hid/hid-source.ts';
import { JsonFile } from '../config/json-store.ts';
import type { Logger } from '../engine/log.ts';
import type { InputSource } from '../input/buttons.ts';
import { describeSeatChange, PlayerSeats } from '../input/player-seats.ts';
import type { Table } from '../table/table.ts';
import type { Options } from './options.ts';

export interface PhysicalInputOptions {
  readonly options: Pick<Options, 'evdev' | 'hid' | 'padMap' | 'padPlayers' | 'keyMap'>;
  readonly table: Table;
  readonly log: Logger;
  readonly dataDir: string;
  /** Also shown on the status line: the latest join/leave notice. */
  readonly notice?: (text: string) => void;
  readonly platform?: NodeJS.Platform;
  /** Where device files live (tests). */
  readonly devRoot?: string;
  /** More sources seated with the same seats (the web page's phones). */
  readonly also?: readonly InputSource[];
  /** Players the terminal's keys play (never unplugged: a lost pad there does not pause). */
  readonly keyboardPlayers?: readonly number[];
}

/** The learned HID maps file in the data directory (written by `ledtable gamepad learn`). */
export function hidMapsFile(dataDir: string, report: (message: string) => void): JsonFile<HidMaps> {
  return new JsonFile<HidMaps>(join(dataDir, 'hid-maps.json'), () => ({}), report, validateHidMaps);
}

/**
 * Starts evdev (Linux) and node-hid input next to the terminal keys, and the sources in `also`;
 * their pads share one seating. Never throws and never
 * stops the table: a missing device tree, a missing node-hid or a bad map is logged and skipped.
 * Resolves with a function that stops every source started.
 */
export async function startPhysicalInput(config: PhysicalInputOptions): Promise<() => Promise<void>> {
  const { options, table, log } = config;
  const { engine } = table;
  const platform = config.platform ?? process.platform;
  const devRoot = config.devRoot ?? '/dev';
  const sources: InputSource[] = [];
  // One seating for every source's pads: the table decides who plays and what a lost pad means.
  const seats = new PlayerSeats(
    engine.input,
    (change) => {
      const { notice, log: line } = describeSeatChange(change);
      log.info(line);
      table.notify(notice);
      config.notice?.(notice);
    },
    config.keyboardPlayers,
  );
  const attach = async (source: InputSource, what: string) => {
    try {
      await source.start((event) => engine.input.push(event), seats);
      sources.push(source);
    } catch (error) {
      log.warn(`${what} input is off: ${(error as Error).message}`);
    }
  };

  for (const source of config.also ?? []) await attach(source, 'phone');

  const hasEvdev = platform === 'linux' && existsSync(join(devRoot, 'input'));
  if (options.evdev === 'on' && platform === 'linux') {
    const padMaps = parseAll(options.padMap, parsePadMapRule, log);
    const padPlayers = parseAll(options.padPlayers, parsePadPlayerRule, log);
    let keyButtons: ReturnType<typeof keyButtonsWith> | undefined;
    try {
      keyButtons = keyButtonsWith(options.keyMap);
    } catch (error) {
      log.warn(`${(error as Error).message}; using the default keys`);
    }
    await attach(
      new EvdevSource({
        devRoot,
        padMaps,
        padPlayers,
        ...(keyButtons ? { keyButtons } : {}),
        log: (message) => log.info(message),
      }),
      'evdev',
    );
  }

  if (options.hid === 'on' || (options.hid === 'auto' && !hasEvdev)) {
    const maps = hidMapsFile(config.dataDir, (m) => log.warn(m)).read();
    if (Object.keys(maps).length === 0) {
      if (options.hid === 'on') log.warn('hid: no learned pads yet; run `ledtable gamepad learn` first');
    } else {
      const api = await loadNodeHid((reason) => log.warn(`hid: ${reason}`));
      if (api) await attach(new HidSource({ api, maps, log: (m) => log.info(m) }), 'hid');
    }
  }

  return async () => {
    for (const source of sources.splice(0)) {
      try {
        await source.stop();
      } catch (error) {
        log.warn(`stopping input: ${(error as Error).message}`);
      }
    }
  };
}

function parseAll<T extends PadMapRule | PadPlayerRule>(
  items: readonly string[],
  parse: (text: string) => T,
  log: Logger,
): T[] {
  const out: T[] = [];
  for (const item of items) {
    try {
      out.push(parse(item));
    } catch (error) {
      log.warn(`${(error as Error).message}; ignored`);
    }
  }
  return out;
}
