import { BUTTONS, type Button, type ButtonEvent, MAX_PLAYERS } from './buttons.ts';

/** One scripted change: at engine tick `tick` (0 = the first tick of the run), set a button. */
export interface ScriptedEvent extends ButtonEvent {
  tick: number;
}

/** How many problems an error lists before it only counts the rest. */
export const PROBLEMS_SHOWN = 20;

/** The first PROBLEMS_SHOWN problems, one a line, then how many more there were. */
export function listProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  return more > 0 ? `${shown.join('\n')}\n... and ${more} more problem(s)` : shown.join('\n');
}

/** A value for a message: JSON, at most 40 characters. */
const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

const KEYS = new Set(['tick', 'player', 'button', 'down']);

/**
 * Validates the JSON of an `--inputs` file: an array of {"tick", "player", "button", "down"}.
 * Throws one Error listing the bad entries (the first 20, then a count), each with its index and
 * what is allowed. Keys other than those four are refused (so __proto__ never gets through).
 */
export function parseScript(json: unknown, source = 'inputs'): ScriptedEvent[] {
  if (!Array.isArray(json)) {
    throw new Error(`${source}: expected a JSON array of {"tick", "player", "button", "down"} objects`);
  }
  const problems: string[] = [];
  const events: ScriptedEvent[] = [];
  json.forEach((entry: unknown, index) => {
    const e = entry as Partial<Record<keyof ScriptedEvent, unknown>>;
    const where = `${source}[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where}: expected an object, got ${show(entry)}`);
      return;
    }
    const before = problems.length;
    const extra = Object.keys(entry).find((key) => !KEYS.has(key));
    if (extra !== undefined)
      problems.push(`${where}: unknown key ${show(extra)}; only tick, player, button, down`);
    if (!Number.isInteger(e.tick) || (e.tick as number) < 0) {
      problems.push(`${where}.tick: ${show(e.tick)} must be an integer ≥ 0`);
    }
    const player = e.player ?? 0;
    if (!Number.isInteger(player) || (player as number) < 0 || (player as number) >= MAX_PLAYERS) {
      problems.push(`${where}.player: ${show(e.player)} must be 0..${MAX_PLAYERS - 1}`);
    }
    if (!BUTTONS.includes(e.button as Button)) {
      problems.push(`${where}.button: ${show(e.button)} must be one of ${BUTTONS.join(', ')}`);
    }
    if (typeof e.down !== 'boolean') {
      problems.push(`${where}.down: ${show(e.down)} must be true or false`);
    }
    if (problems.length === before) {
      events.push({
        tick: e.tick as number,
        player: player as number,
        button: e.button as Button,
        down: e.down as boolean,
      });
    }
  });
  if (problems.length > 0) throw new Error(listProblems(problems));
  return events.sort((a, b) => a.tick - b.tick);
}

/** Feeds scripted events into the input state at their ticks. Events must be sorted by tick. */
export class ScriptedInput {
  private next = 0;
  constructor(private readonly events: readonly ScriptedEvent[]) {}

  /** Pushes every event scheduled at or before `tick` that has not been delivered yet. */
  deliver(tick: number, emit: (event: ButtonEvent) => void): void {
    while (this.next < this.events.length && this.events[this.next]!.tick <= tick) {
      emit(this.events[this.next]!);
      this.next++;
    }
  }

  get done(): boolean {
    return this.next >= this.events.length;
  }
}
