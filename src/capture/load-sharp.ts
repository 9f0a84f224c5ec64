import type SharpModule from 'sharp';

/** The sharp constructor (libvips), as `import sharp from 'sharp'` gives it. */
export type Sharp = typeof SharpModule;

let loading: Promise<Sharp> | undefined;

/**
 * sharp, imported on first use: commands that write no picture never load libvips (start-up
 * time, and `--version` or `list` work where sharp's native platform package is missing).
 * A failed import is not cached, so a later call tries again; its error names the fix.
 */
export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw new Error(
        `pictures need the sharp package, which did not load (${(error as Error).message}); ` +
          'run `npm install` in the ledtable folder (sharp fetches a prebuilt libvips for this platform)',
      );
    },
  );
  return loading;
}
