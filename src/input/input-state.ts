import { BUTTONS, type Button, type ButtonEvent, type Buttons, type Input, MAX_PLAYERS } from './buttons.ts';

const BUTTON_INDEX: Readonly<Record<Button, number>> = Object.fromEntries(
  BUTTONS.map((b, i) => [b, i]),
) as Record<Button, number>;

/** The default auto-repeat in ticks: 0.3 s, then every 0.1 s at the loop's rate. */
interface RepeatTiming {
  readonly delay: number;
  readonly every: number;
}

export function repeatTiming(rate: number): RepeatTiming {
  return { delay: Math.max(1, Math.round(0.3 * rate)), every: Math.max(1, Math.round(0.1 * rate)) };
}

/** confirm() and anyPressed() from pressed(), shared by one player and all players. */
abstract class ButtonQueries {
  abstract pressed(button: Button): boolean;
  confirm(): boolean {
    return this.pressed('a') || this.pressed('start');
  }
  anyPressed(): boolean {
    for (let i = 0; i < BUTTONS.length; i++) if (this.pressed(BUTTONS[i]!)) return true;
    return false;
  }
}

/** One player's sampled state. Arrays are indexed by BUTTON_INDEX and allocated once. */
class PlayerButtons extends ButtonQueries implements Buttons {
  /** Raw state as events arrive (between ticks). */
  readonly down = new Uint8Array(BUTTONS.length);
  /** Sampled state for the current tick. */
  readonly ticksHeld = new Int32Array(BUTTONS.length);
  readonly pressedNow = new Uint8Array(BUTTONS.length);
  readonly releasedNow = new Uint8Array(BUTTONS.length);
  /** Buttons that read as up until they are physically released (see suppressHeld). */
  readonly suppressed = new Uint8Array(BUTTONS.length);
  connected = true;

  constructor(private readonly timing: RepeatTiming) {
    super();
  }

  held(button: Button): boolean {
    return this.ticksHeld[BUTTON_INDEX[button]]! > 0;
  }
  pressed(button: Button): boolean {
    return this.pressedNow[BUTTON_INDEX[button]] === 1;
  }
  released(button: Button): boolean {
    return this.releasedNow[BUTTON_INDEX[button]] === 1;
  }
  heldTicks(button: Button): number {
    return this.ticksHeld[BUTTON_INDEX[button]]!;
  }
  repeat(button: Button, delay = this.timing.delay, every = this.timing.every): boolean {
    return repeats(this.heldTicks(button), delay, every);
  }
}

/** True on the press tick (held = 1), then at held = 1 + delay, 1 + delay + every, … */
function repeats(held: number, delay: number, every: number): boolean {
  if (held === 1) return true;
  const since = held - 1 - delay;
  return held > 1 && since >= 0 && since % Math.max(1, every) === 0;
}

/**
 * The union of all players: what menus and single-player games usually read. Plain index loops
 * (no closures or iterators): menus read it several times per tick, so it must not allocate.
 */
class AnyButtons extends ButtonQueries implements Buttons {
  constructor(private readonly players: readonly PlayerButtons[]) {
    super();
  }
  get connected(): boolean {
    for (let i = 0; i < this.players.length; i++) if (this.players[i]!.connected) return true;
    return false;
  }
  held(button: Button): boolean {
    return this.heldTicks(button) > 0;
  }
  pressed(button: Button): boolean {
    for (let i = 0; i < this.players.length; i++) if (this.players[i]!.pressed(button)) return true;
    return false;
  }
  released(button: Button): boolean {
    for (let i = 0; i < this.players.length; i++) if (this.players[i]!.released(button)) return true;
    return false;
  }
  heldTicks(button: Button): number {
    let most = 0;
    for (let i = 0; i < this.players.length; i++) most = Math.max(most, this.players[i]!.heldTicks(button));
    return most;
  }
  repeat(button: Button, delay?: number, every?: number): boolean {
    for (let i = 0; i < this.players.length; i++)
      if (this.players[i]!.repeat(button, delay, every)) return true;
    return false;
  }
}

/** Sees every button event at the moment `sample()` applies it (replays record these). */
export interface InputRecorder {
  sampled(event: ButtonEvent): void;
}

/**
 * Every input source pushes events here at any time; the engine calls `sample()` once at the
 * start of each tick, and games read the sampled state. A press and release that both arrive
 * within one tick are seen as pressed on that tick and released on the next, so quick taps
 * (terminal keys, scripted input) are never lost; a release and a new press of a held button
 * within one tick count as a new press (held ticks restart at 1).
 */
export class InputState implements Input {
  private readonly players: PlayerButtons[];
  private readonly idle: PlayerButtons;
  private queue: ButtonEvent[] = [];
  /** The second queue array, swapped in at each sample so sampling never allocates. */
  private spare: ButtonEvent[] = [];
  /** True when the last sample saw any button event (for idle detection). */
  activity = false;
  readonly any: Buttons;
  /** Told about each event applied by sample(), in order; a deferred release is told on its tick. */
  recorder: InputRecorder | undefined;

  /** `rate`: ticks per second, for repeat()'s defaults in seconds. */
  constructor(rate = 60) {
    const timing = repeatTiming(rate);
    this.players = Array.from({ length: MAX_PLAYERS }, () => new PlayerButtons(timing));
    this.idle = new PlayerButtons(timing);
    this.idle.connected = false;
    this.any = new AnyButtons(this.players);
  }

  /** Queues an event from a source; applied at the next sample(). Out-of-range players are ignored. */
  push(event: ButtonEvent): void {
    if (event.player >= 0 && event.player < MAX_PLAYERS && BUTTON_INDEX[event.button] !== undefined) {
      this.queue.push(event);
    }
  }

  /** Marks a player's device as plugged in or out. Unplugged players read as all buttons up. */
  setConnected(player: number, connected: boolean): void {
    const p = this.players[player];
    if (!p) return;
    p.connected = connected;
    if (!connected) p.down.fill(0);
  }

  isConnected(player: number): boolean {
    return this.players[player]?.connected ?? false;
  }

  player(index: number): Buttons {
    return this.players[index] ?? this.idle;
  }

  /**
   * Every button down now reads as up until it is released and pressed again. The engine calls
   * this when the scene on top changes, so the press that closed one screen never acts on the
   * next one.
   */
  suppressHeld(): void {
    for (const p of this.players) {
      for (let i = 0; i < BUTTONS.length; i++) {
        if (p.down[i] === 1 || p.ticksHeld[i]! > 0) p.suppressed[i] = 1;
        p.ticksHeld[i] = 0;
        p.pressedNow[i] = 0;
        p.releasedNow[i] = 0;
      }
    }
  }

  /** Applies queued events and advances held counters. Call exactly once per tick. */
  sample(): void {
    const events = this.queue;
    this.queue = this.spare;
    this.activity = events.length > 0;
    const players = this.players;
    for (let n = 0; n < players.length; n++) players[n]!.pressedNow.fill(0);
    for (let e = 0; e < events.length; e++) {
      const event = events[e]!;
      const p = players[event.player]!;
      const i = BUTTON_INDEX[event.button];
      if (!p.connected) continue;
      if (event.down) {
        // Up → down, even for a button held last tick and released since: a new press.
        if (p.down[i] === 0 && p.suppressed[i] === 0) p.pressedNow[i] = 1;
        p.down[i] = 1;
      } else if (p.pressedNow[i] === 1) {
        this.queue.push(event); // pressed within this tick: release on the next one
        continue;
      } else {
        p.down[i] = 0;
      }
      this.recorder?.sampled(event);
    }
    events.length = 0;
    this.spare = events;
    for (let n = 0; n < players.length; n++) {
      const p = players[n]!;
      for (let i = 0; i < BUTTONS.length; i++) {
        if (p.down[i] === 0) p.suppressed[i] = 0;
        const wasHeld = p.ticksHeld[i]! > 0;
        const isDown = p.down[i] === 1 && p.suppressed[i] === 0;
        p.releasedNow[i] = wasHeld && !isDown ? 1 : 0;
        if (isDown && !wasHeld) p.pressedNow[i] = 1;
        p.ticksHeld[i] = !isDown ? 0 : p.pressedNow[i] === 1 ? 1 : p.ticksHeld[i]! + 1;
      }
    }
  }
}
