/**
 * Module loader hooks for hot reload, registered once with `module.register` (see
 * fresh-import.ts). A module imported as `file.ts?ledtable-reload=N` passes the same query on to
 * every file it imports, so a game's own sub-modules are loaded fresh too, not only its index.ts.
 * Files under `stable` prefixes (the engine's src/) and in node_modules keep their one shared
 * instance: games and the engine must agree on classes such as Graphics.
 *
 * Only ES modules reload this way: the games folder must be inside a package.json with
 * "type": "module" (the repository's games/ is); CommonJS caches by path and ignores the query.
 *
 * Runs on the loader thread: no imports, plain data only.
 */

const QUERY = /[?&]ledtable-reload=(\d+)/;
let stable: readonly string[] = [];

export function initialize(data: { stable?: readonly string[] } | undefined): void {
  stable = data?.stable ?? [];
}

interface ResolveResult {
  url: string;
  format?: string | null;
}

export async function resolve(
  specifier: string,
  context: { parentURL?: string },
  nextResolve: (specifier: string, context: unknown) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  const result = await nextResolve(specifier, context);
  const url = result.url;
  const version = context.parentURL ? QUERY.exec(context.parentURL)?.[1] : undefined;
  if (
    version === undefined ||
    !url.startsWith('file:') ||
    url.includes('/node_modules/') ||
    QUERY.test(url) ||
    stable.some((prefix) => url.startsWith(prefix))
  ) {
    return result;
  }
  return { ...result, url: `${url}${url.includes('?') ? '&' : '?'}ledtable-reload=${version}` };
}
