import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TableOptions } from '../table/table.ts';
import { isPictureName } from '../web/picture-name.ts';

/** Where pictures uploaded on the web page live: `<data dir>/pictures`. */
export function picturesDir(dataDir: string): string {
  return join(dataDir, 'pictures');
}

/**
 * The picture viewer's params with the uploaded pictures: when no --path is configured and
 * pictures were uploaded, the viewer shows them instead of the samples.
 */
export function withUploadedPictures(
  params: TableOptions['params'],
  dir: string,
): NonNullable<TableOptions['params']> {
  return (id) => {
    const base = params?.(id) ?? {};
    if (id !== 'viewer' || (base.path !== undefined && base.path !== '')) return base;
    return hasPictures(dir) ? { ...base, path: dir } : base;
  };
}

function hasPictures(dir: string): boolean {
  try {
    return readdirSync(dir).some(isPictureName);
  } catch {
    return false;
  }
}
