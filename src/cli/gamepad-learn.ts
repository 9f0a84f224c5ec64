import type { HidApi } from '../../hardware/hid/hid-api.ts';
import { loadNodeHid } from '../../hardware/hid/hid-api.ts';
import { learnGamepad } from '../../hardware/hid/learn.ts';
import type { CliIo } from './io.ts';
import { hidMapsFile } from './physical-input.ts';

/**
 * `ledtable gamepad learn`: asks for each button of a HID pad on stdout and saves the map by
 * vendor:product id in <dataDir>/hid-maps.json. `api` is for tests (default: node-hid).
 */
export async function runGamepadLearn(dataDir: string, io: CliIo, api?: HidApi): Promise<number> {
  const problems: string[] = [];
  const hid = api ?? (await loadNodeHid((reason) => problems.push(reason)));
  if (!hid) {
    io.stderr.write(`ledtable: ${problems.join('; ')}\n`);
    return 1;
  }
  io.stdout.write('Learning a HID gamepad (Ctrl-C stops).\n');
  let result: Awaited<ReturnType<typeof learnGamepad>>;
  try {
    result = await learnGamepad(hid, (text) => io.stdout.write(`${text}\n`));
  } catch (error) {
    io.stderr.write(`ledtable: ${(error as Error).message}\n`);
    return 1;
  }
  const file = hidMapsFile(dataDir, (message) => io.stderr.write(`ledtable: ${message}\n`));
  if (!file.write({ ...file.read(), [result.id]: result.map })) return 1;
  io.stdout.write(
    `Saved ${result.map.name} (${result.id}) in ${file.path}. It is used where /dev/input is absent, ` +
      'or everywhere with --hid on.\n',
  );
  return 0;
}
