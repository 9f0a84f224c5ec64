import { readFileSync } from 'node:fs';

export interface BoardPaths {
  /** Default /proc/device-tree/model (a NUL-terminated string on a Raspberry Pi). */
  model?: string;
  /** Default /proc/cpuinfo (its "Revision" line holds the board revision code). */
  cpuinfo?: string;
}

/** What this machine says it is: the device-tree model and the cpuinfo revision code, when present. */
export interface BoardInfo {
  model: string | undefined;
  revision: string | undefined;
  /** e.g. "Raspberry Pi 4 Model B Rev 1.5 (revision d03115)" or "this machine (no Raspberry Pi model in /proc/device-tree/model)". */
  text: string;
}

export function readBoard(paths: BoardPaths = {}): BoardInfo {
  const modelPath = paths.model ?? '/proc/device-tree/model';
  const cpuinfoPath = paths.cpuinfo ?? '/proc/cpuinfo';
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  // The device tree string ends in NUL.
  const model = read(modelPath)?.split('\0')[0]?.trim() || undefined;
  const revision = read(cpuinfoPath)
    ?.split('\n')
    .find((line) => /^Revision\s*:/.test(line))
    ?.split(':')[1]
    ?.trim();
  const rev = revision ? ` (revision ${revision})` : '';
  const text = model ? `${model}${rev}` : `this machine${rev} (no Raspberry Pi model in ${modelPath})`;
  return { model, revision: revision || undefined, text };
}
