import { BUTTONS, type Button, type ButtonEvent, MAX_PLAYERS } from './buttons.ts';

/** One scripted change: at engine tick `tick` (0 = the first tick of the run), set a button. */
export interface ScriptedEvent extends ButtonEvent {
  tick: number;
}

/**
 * Validates the JSON of an `--inputs` file: an array of {"tick", "player", "button", "down"}.
 * Throws one Error listing every bad entry, each with its index and what is allowed.
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
      problems.push(`${where}: expected an object, got ${JSON.stringify(entry)}`);
      return;
    }
    const before = problems.length;
    if (!Number.isInteger(e.tick) || (e.tick as number) < 0) {
      problems.push(`${where}.tick: ${JSON.stringify(e.tick)} must be an integer ≥ 0`);
    }
    const player = e.player ?? 0;
    if (!Number.isInteger(player) || (player as number) < 0 || (player as number) >= MAX_PLAYERS) {
      problems.push(`${where}.player: ${JSON.stringify(e.player)} must be 0..${MAX_PLAYERS - 1}`);
    }
    if (!BUTTONS.includes(e.button as Button)) {
      problems.push(`${where}.button: ${JSON.stringify(e.button)} must be one of ${BUTTONS.join(', ')}`);
    }
    if (typeof e.down !== 'boolean') {
      problems.push(`${where}.down: ${JSON.stringify(e.down)} must be true or false`);
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
  if (problems.length > 0) throw new Error(problems.join('\n'));
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
