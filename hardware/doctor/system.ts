import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `ledtable doctor` reads about the machine, all behind one object so tests run it on fake
 * /proc, /sys, /dev, /etc and /boot trees under `root` (a Pi 3, 4, 5, Zero 2 W, a laptop).
 */
export interface System {
  /** Where the file system starts: '/' on the machine, a temp dir in tests. */
  readonly root: string;
  /** process.arch, e.g. 'arm64', 'arm', 'x64'. */
  readonly arch: string;
  /** process.versions.node. */
  readonly node: string;
  /** The user running doctor: name, uid and the group ids they are in. */
  readonly user: { readonly name: string; readonly uid: number; readonly gids: readonly number[] };
  /** Runs a command (systemctl); status null when it could not start. */
  run(command: string, args: readonly string[]): { status: number | null; stdout: string };
}

/** The real machine. */
export function thisSystem(): System {
  const uid = process.getuid?.() ?? -1;
  const gids = process.getgroups?.() ?? [];
  const name = process.env.SUDO_USER || process.env.USER || process.env.LOGNAME || `uid ${uid}`;
  return {
    root: '/',
    arch: process.arch,
    node: process.versions.node,
    user: { name, uid, gids },
    run: (command, args) => {
      const result = spawnSync(command, args, { encoding: 'utf8', timeout: 3000 });
      return { status: result.error ? null : result.status, stdout: result.stdout ?? '' };
    },
  };
}

/** A file under the system's root as text, or undefined when it cannot be read. */
export function readText(system: System, path: string): string | undefined {
  try {
    return readFileSync(join(system.root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** Entry names of a directory under the root matching `pattern`, sorted; [] when missing. */
export function listDir(system: System, dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(join(system.root, dir))
      .filter((name) => pattern.test(name))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    return [];
  }
}

/** Group name → gid from <root>/etc/group. */
export function groupIds(system: System): Map<string, number> {
  const groups = new Map<string, number>();
  for (const line of (readText(system, 'etc/group') ?? '').split('\n')) {
    const [name, , gid] = line.split(':');
    if (name && gid !== undefined && /^\d+$/.test(gid)) groups.set(name, Number(gid));
  }
  return groups;
}

/** Whether the user may open a device node for writing (or reading), by its owner, group and mode. */
export function mayOpen(
  system: System,
  path: string,
  write: boolean,
): { exists: boolean; allowed: boolean; mode: string } {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(join(system.root, path));
  } catch {
    return { exists: false, allowed: false, mode: '' };
  }
  const { uid, gids } = system.user;
  const want = write ? 2 : 4;
  const bits = stat.mode & 0o777;
  const allowed =
    uid === 0 ||
    (stat.uid === uid && ((bits >> 6) & want) !== 0) ||
    (gids.includes(stat.gid) && ((bits >> 3) & want) !== 0) ||
    (bits & want) !== 0;
  return { exists: true, allowed, mode: bits.toString(8).padStart(4, '0') };
}
