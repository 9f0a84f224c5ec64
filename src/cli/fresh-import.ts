import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

let registered = false;

/**
 * Imports `file` bypassing the module cache: `version` (a new number per reload) is appended as
 * `?ledtable-reload=N`, and the loader hooks in reload-hooks.ts carry it to every file the module
 * imports outside src/ and node_modules. A plain `?v=N` would reload only the entry file; its
 * sub-modules (rules.ts, ai.ts…) would stay cached, under tsx too.
 *
 * Every version stays in memory (ES modules cannot be unloaded): fine for a development
 * session, not for thousands of reloads.
 */
export async function importFresh(file: string, version: number): Promise<unknown> {
  if (!registered) {
    registered = true;
    const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    register(new URL(`./reload-hooks${extension}`, import.meta.url), {
      parentURL: import.meta.url,
      data: { stable: [new URL('../', import.meta.url).href] },
    });
  }
  return import(`${pathToFileURL(file).href}?ledtable-reload=${version}`);
}
