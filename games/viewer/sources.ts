import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

/** File name endings the viewer picks up inside folders (a file named directly is always tried). */
export const PICTURE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.jpg',
  '.jpeg',
  '.jfif',
  '.png',
  '.webp',
  '.avif',
  '.tif',
  '.tiff',
  '.gif',
  '.svg',
]);

/** Folders are searched this deep (a folder in a folder in a folder…). */
const MAX_DEPTH = 4;

/** One step of the slideshow: a picture to load, or a problem to report on the table. */
export type Source =
  | { readonly kind: 'file'; readonly path: string; readonly name: string }
  | { readonly kind: 'problem'; readonly path: string; readonly short: string; readonly message: string };

/** The parts of node:fs/promises the listing uses (a fake in tests, e.g. for permission errors). */
export interface SourceFs {
  stat(path: string): Promise<Stats>;
  lstat(path: string): Promise<Stats>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>;
}

const realFs: SourceFs = { stat, lstat, readdir };

/**
 * Expands files and folders into the slideshow's list, in order: folders are searched
 * (hidden entries skipped, names in natural order: 2.jpg before 10.jpg) for picture files;
 * every path that cannot be used becomes a 'problem' entry, so the table and the log can say
 * why. Never rejects.
 */
export async function listSources(paths: readonly string[], fs: SourceFs = realFs): Promise<Source[]> {
  const out: Source[] = [];
  for (const path of paths) {
    let info: Stats;
    try {
      info = await fs.stat(path);
    } catch (error) {
      out.push(await missing(path, error, fs));
      continue;
    }
    if (info.isDirectory()) {
      const before = out.length;
      await walk(path, 0, fs, out);
      if (out.length === before) {
        out.push({
          kind: 'problem',
          path,
          short: `NO PICTURES IN ${basename(path)}`,
          message: `folder ${path} has no pictures (${[...PICTURE_EXTENSIONS].join(' ')}); add some or give another --path`,
        });
      }
    } else {
      out.push({ kind: 'file', path, name: basename(path) });
    }
  }
  return out;
}

async function walk(folder: string, depth: number, fs: SourceFs, out: Source[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    out.push(folderProblem(folder, error));
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' }));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch {
        if (PICTURE_EXTENSIONS.has(extname(entry.name).toLowerCase()))
          out.push(await missing(path, undefined, fs));
        continue;
      }
    }
    if (isDirectory) {
      if (depth < MAX_DEPTH) await walk(path, depth + 1, fs, out);
    } else if (isFile && PICTURE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      out.push({ kind: 'file', path, name: entry.name });
    }
  }
}

function folderProblem(folder: string, error: unknown): Source {
  const code = (error as NodeJS.ErrnoException).code;
  const name = basename(folder);
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      kind: 'problem',
      path: folder,
      short: `CANNOT OPEN ${name}`,
      message: `folder ${folder} cannot be read (permission denied); allow it with chmod a+rx or pick another folder`,
    };
  }
  return {
    kind: 'problem',
    path: folder,
    short: `CANNOT OPEN ${name}`,
    message: `folder ${folder} cannot be read: ${(error as Error).message}`,
  };
}

async function missing(path: string, error: unknown, fs: SourceFs): Promise<Source> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = basename(path);
  let dangling = false;
  try {
    dangling = (await fs.lstat(path)).isSymbolicLink();
  } catch {
    // not even a link
  }
  if (dangling) {
    return {
      kind: 'problem',
      path,
      short: `BROKEN LINK ${name}`,
      message: `${path} is a symbolic link to something that does not exist; fix or remove the link`,
    };
  }
  if (code === 'EACCES' || code === 'EPERM') return folderProblem(path, error);
  if (code === 'ENOTDIR') {
    return {
      kind: 'problem',
      path,
      short: `NOT FOUND ${name}`,
      message: `${path} does not exist: part of the path is a file, not a folder`,
    };
  }
  return {
    kind: 'problem',
    path,
    short: `NOT FOUND ${name}`,
    message: `${path} does not exist; check the spelling of --path`,
  };
}
