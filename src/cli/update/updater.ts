// The entry ledtable-update.service runs (systemd/ledtable-update.service): one update, then exit.
// Everything it needs is imported statically here, before the update swaps the directory it
// runs from.
import { runUpdater } from './run-updater.ts';

process.exitCode = await runUpdater(process.argv.slice(2));
