import { join } from 'node:path';
import { JsonFile } from '../config/json-store.ts';
import { resolveSettings, type Table, type TableOptions } from '../table/table.ts';
import type { MessageLink } from '../web/table-link.ts';

/** The app that shows messages (games/text) and its param. */
export const MESSAGE_APP = 'text';
const PARAM = 'message';

/** Where the message saved from the web page lives: `<data dir>/message.json`, `{"message": "…"}`. */
export function savedMessageFile(
  dataDir: string,
  report: (message: string) => void,
): JsonFile<{ message?: string }> {
  return new JsonFile<{ message?: string }>(
    join(dataDir, 'message.json'),
    () => ({}),
    report,
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      ['undefined', 'string'].includes(typeof (value as { message?: unknown }).message)
        ? undefined
        : 'expected {"message": "…"}',
  );
}

/**
 * The text app's params with the message saved from the web page: it replaces the config's
 * `games.text.message` (and `--set`) until the page forgets it. Read at every launch, so a
 * message saved while the table runs is the one the menu opens next.
 */
export function withSavedMessage(
  params: TableOptions['params'],
  file: JsonFile<{ message?: string }>,
): NonNullable<TableOptions['params']> {
  return (id) => {
    const base = params?.(id) ?? {};
    if (id !== MESSAGE_APP) return base;
    const saved = file.read().message;
    return saved === undefined ? base : { ...base, [PARAM]: saved };
  };
}

/**
 * The web page's message box on a real table. show(): the message app starts, or restarts when
 * it runs (keeping the settings it runs with, except those given); with `save` the message is
 * written to the data dir first. A wrong setting or a failed write throws before anything is
 * shown or written.
 */
export function messageBox(table: Table, file: JsonFile<{ message?: string }>): MessageLink {
  return {
    app: MESSAGE_APP,
    saved: () => file.read().message ?? null,
    show(text, settings, save) {
      const app = table.catalog.find((game) => game.id === MESSAGE_APP);
      if (!app) throw new Error(`the text app (games/${MESSAGE_APP}) is not installed on this table`);
      const last = table.lastLaunch;
      const running = table.engine.game?.definition.id === MESSAGE_APP && last?.game.id === MESSAGE_APP;
      const chosen = { ...(running ? last.options.settings : {}), ...settings };
      resolveSettings(app, chosen); // throws on a setting the app does not have, before any write
      if (save && !file.write({ ...file.read(), message: text })) {
        throw new Error(`could not save the message (${file.path}; see the table's log)`);
      }
      table.play(app, { settings: chosen, params: { [PARAM]: text } });
    },
    forget() {
      const { message: _, ...rest } = file.read();
      return file.write(rest);
    },
  };
}
