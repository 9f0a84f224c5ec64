/** Test helpers for game authors: `import { Harness } from 'ledtable/testing'`. */

export { frameToHex, frameToText } from '../gfx/frame-text.ts';
export { Harness, type HarnessOptions } from './harness.ts';
