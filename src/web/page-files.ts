import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (web/ and docs/gallery/ live there; dist/ links them). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface PageFile {
  readonly type: string;
  readonly body: Buffer;
}

/**
 * The page's files: web/index.html, web/style.css and web/main.ts bundled by esbuild into one
 * script (the browser code is TypeScript; it is bundled once, on first request, in about 50 ms,
 * so a clone runs without a build step). Only these three names exist: no path from a request
 * ever reaches the file system here.
 */
export class PageFiles {
  private readonly cache = new Map<string, Promise<PageFile>>();

  constructor(private readonly webDir = join(PACKAGE_ROOT, 'web')) {}

  /** The file for a URL path, or undefined. Rejects when the script does not compile. */
  get(path: string): Promise<PageFile> | undefined {
    const make = this.makers[path];
    if (!make) return undefined;
    let file = this.cache.get(path);
    if (!file) {
      file = make();
      file.catch(() => this.cache.delete(path)); // a failed bundle is tried again next time
      this.cache.set(path, file);
    }
    return file;
  }

  private readonly makers: Readonly<Record<string, () => Promise<PageFile>>> = {
    '/': async () => ({
      type: 'text/html; charset=utf-8',
      body: await readFile(join(this.webDir, 'index.html')),
    }),
    '/style.css': async () => ({
      type: 'text/css; charset=utf-8',
      body: await readFile(join(this.webDir, 'style.css')),
    }),
    '/main.js': async () => {
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: [join(this.webDir, 'main.ts')],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2020',
        logLevel: 'silent',
      });
      return { type: 'text/javascript; charset=utf-8', body: Buffer.from(result.outputFiles[0]!.contents) };
    },
  };
}
