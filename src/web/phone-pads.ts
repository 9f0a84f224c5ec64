import { BUTTONS, type Button, type ButtonEvent, type InputSource, MAX_PLAYERS } from '../input/buttons.ts';

interface Seat {
  /** The pad id that holds (or held) the seat. */
  owner: string | undefined;
  present: boolean;
}

/** What the phone pads report besides button events (the table decides what to show). */
export interface PhonePadEvents {
  /** A phone took seat `player`; `returned` when the same page came back (a reload). */
  joined?(player: number, returned: boolean): void;
  /** The phone of seat `player` closed its page or lost its connection. */
  left?(player: number): void;
}

/**
 * Phones as game pads: an input source like evdev or HID. A phone page joins as the first free
 * seat (a seat whose phone left before one never used, so a replacement phone takes over a
 * paused game) and leaves when its page closes; the seat is then disconnected, which pauses a
 * game as an unplugged pad does, until a phone takes it again. A page that reloads (same pad id)
 * retakes its old seat. Buttons still held when a phone leaves are released.
 */
export class PhonePads implements InputSource {
  private readonly seats: Seat[] = Array.from({ length: MAX_PLAYERS }, () => ({
    owner: undefined,
    present: false,
  }));
  /** Per seat: bit i set while BUTTONS[i] is down on its phone. */
  private readonly held = new Uint8Array(MAX_PLAYERS);
  private emit: ((event: ButtonEvent) => void) | undefined;
  /** Button events delivered so far (the status panel; tests wait on it). */
  delivered = 0;
  private readonly connectionListeners: ((player: number, connected: boolean) => void)[] = [];

  constructor(private readonly events: PhonePadEvents = {}) {}

  start(emit: (event: ButtonEvent) => void): void {
    this.emit = emit;
  }

  stop(): void {
    for (let player = 0; player < MAX_PLAYERS; player++) this.releaseAll(player);
    this.emit = undefined;
  }

  onConnection(listener: (player: number, connected: boolean) => void): void {
    this.connectionListeners.push(listener);
  }

  /** The seat the phone with this pad id plays, or undefined. */
  playerOf(id: string): number | undefined {
    const index = this.seats.findIndex((s) => s.owner === id && s.present);
    return index < 0 ? undefined : index;
  }

  /** Seats held by a phone right now. */
  get seated(): number[] {
    return this.seats.flatMap((s, i) => (s.present ? [i] : []));
  }

  /** A phone page opened: it takes its old seat, else the first free one; undefined when full. */
  join(id: string): number | undefined {
    const seated = this.playerOf(id);
    if (seated !== undefined) return seated;
    let index = this.seats.findIndex((s) => !s.present && s.owner === id);
    const returned = index >= 0;
    if (index < 0) index = this.seats.findIndex((s) => !s.present && s.owner !== undefined);
    if (index < 0) index = this.seats.findIndex((s) => !s.present && s.owner === undefined);
    if (index < 0) return undefined;
    const seat = this.seats[index]!;
    seat.owner = id;
    seat.present = true;
    for (const listener of this.connectionListeners) listener(index, true);
    this.events.joined?.(index, returned);
    return index;
  }

  /** The phone's page closed: its buttons go up and its seat is disconnected. */
  leave(id: string): void {
    const player = this.playerOf(id);
    if (player === undefined) return;
    this.releaseAll(player);
    this.seats[player]!.present = false;
    for (const listener of this.connectionListeners) listener(player, false);
    this.events.left?.(player);
  }

  /** A button on the phone went down or up; ignored for a phone without a seat. */
  button(id: string, button: Button, down: boolean): void {
    const player = this.playerOf(id);
    const index = BUTTONS.indexOf(button);
    if (player === undefined || index < 0 || !this.emit) return;
    const bit = 1 << index;
    const was = (this.held[player]! & bit) !== 0;
    if (was === down) return; // a repeated down or up changes nothing
    this.held[player] = down ? this.held[player]! | bit : this.held[player]! & ~bit;
    this.delivered++;
    this.emit({ player, button, down });
  }

  private releaseAll(player: number): void {
    const held = this.held[player]!;
    this.held[player] = 0;
    if (!this.emit) return;
    BUTTONS.forEach((button, i) => {
      if (held & (1 << i)) this.emit?.({ player, button, down: false });
    });
  }
}
