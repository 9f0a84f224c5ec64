#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx ledtable` works from a clone with no
// build step. The service runs the compiled dist/src/cli/start.js instead (see systemd/).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/start.ts');
