import { type Button, type ButtonEvent, MAX_PLAYERS, type PadInfo, type PadSink } from './buttons.ts';

/** What changed at a seat; the table turns it into a notice and a log line (describeSeatChange). */
export interface SeatChange {
  readonly player: number;
  /** The pad's name. */
  readonly name: string;
  /** joined: first press, a reserved seat or a connect; returned: the same pad came back; lost: it went away. */
  readonly what: 'joined' | 'returned' | 'lost';
}

/** Where seated pads' buttons and players' connection state go (the InputState). */
export interface SeatTarget {
  push(event: ButtonEvent): void;
  setConnected(player: number, connected: boolean): void;
}

interface Seat {
  /** The pad that holds (or held, while it is away) the seat. */
  owner: string | undefined;
  present: boolean;
  /** Reserved by a pad's `player` (config): only that pad takes it. */
  reserved: boolean;
}

interface Pad {
  readonly info: PadInfo;
  /** Buttons whose press was passed on (their release is passed on too, or sent at disconnect). */
  readonly forwarded: Set<Button>;
}

const JOINS: ReadonlySet<Button> = new Set(['a', 'b', 'start', 'back']);

/**
 * Which pad plays which player, for every source (evdev, HID, phone pages). A pad takes the first
 * free seat when it joins: a seat whose pad went away (a replacement takes over) before one never
 * used; seats reserved by config stay free for their pad. A pad that comes back (same id) retakes
 * its seat without a press. Losing a pad releases what it held and marks the player disconnected
 * (the table pauses the game); its return reconnects the player. Players a source that cannot be
 * unplugged also plays (`keyboardPlayers`: the terminal's keys) are never marked disconnected:
 * a phone that leaves P1's seat does not silence the keyboard's P1.
 */
export class PlayerSeats implements PadSink {
  private readonly seats: Seat[] = Array.from({ length: MAX_PLAYERS }, () => ({
    owner: undefined,
    present: false,
    reserved: false,
  }));
  private readonly pads = new Map<string, Pad>();

  constructor(
    private readonly target: SeatTarget,
    private readonly changed: (change: SeatChange) => void = () => {},
    private readonly keyboardPlayers: readonly number[] = [],
  ) {}

  /** The player this pad plays, or undefined while it has not joined (or is away). */
  playerOf(id: string): number | undefined {
    const index = this.seats.findIndex((s) => s.owner === id && s.present);
    return index < 0 ? undefined : index;
  }

  padConnected(info: PadInfo): void {
    this.pads.set(info.id, { info, forwarded: new Set() });
    const fixed = info.player;
    if (fixed !== undefined && fixed >= 0 && fixed < MAX_PLAYERS) {
      const seat = this.seats[fixed]!;
      seat.reserved = true;
      if (!seat.present) {
        this.take(fixed, info, seat.owner === info.id ? 'returned' : 'joined');
        return;
      }
    }
    const old = this.seats.findIndex((s) => s.owner === info.id && !s.present);
    if (old >= 0) this.take(old, info, 'returned');
    else if (info.join === 'connect') this.join(info);
  }

  padButton(id: string, button: Button, down: boolean): void {
    const pad = this.pads.get(id);
    if (!pad) return;
    const player = this.playerOf(id);
    if (player === undefined) {
      if (down && JOINS.has(button)) this.join(pad.info); // the joining press does nothing else
      return;
    }
    if (down) {
      if (pad.forwarded.has(button)) return;
      pad.forwarded.add(button);
    } else if (!pad.forwarded.delete(button)) {
      return; // the release of a press that was not passed on (the joining press)
    }
    this.target.push({ player, button, down });
  }

  padDisconnected(id: string): void {
    const pad = this.pads.get(id);
    if (!pad) return;
    this.pads.delete(id);
    const player = this.playerOf(id);
    if (player === undefined) return;
    for (const button of pad.forwarded) this.target.push({ player, button, down: false });
    this.seats[player]!.present = false;
    if (!this.keyboardPlayers.includes(player)) this.target.setConnected(player, false);
    this.changed({ player, name: pad.info.name, what: 'lost' });
  }

  private join(info: PadInfo): void {
    const free = (s: Seat) => !s.present && !s.reserved;
    let index = this.seats.findIndex((s) => free(s) && s.owner !== undefined);
    if (index < 0) index = this.seats.findIndex((s) => free(s) && s.owner === undefined);
    if (index >= 0) this.take(index, info, 'joined');
  }

  private take(player: number, info: PadInfo, what: 'joined' | 'returned'): void {
    const seat = this.seats[player]!;
    seat.owner = info.id;
    seat.present = true;
    this.target.setConnected(player, true);
    this.changed({ player, name: info.name, what });
  }
}

/** The table's words for a seat change: a short notice ('P2 LOST') and a log line. */
export function describeSeatChange(change: SeatChange): { notice: string; log: string } {
  const p = `P${change.player + 1}`;
  switch (change.what) {
    case 'joined':
      return { notice: `${p} JOINED`, log: `${p} joined: ${change.name}` };
    case 'returned':
      return { notice: `${p} BACK`, log: `${p} is back: ${change.name}` };
    case 'lost':
      return { notice: `${p} LOST`, log: `${p} lost: ${change.name} went away` };
  }
}
