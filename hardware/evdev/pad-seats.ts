import { MAX_PLAYERS } from '../../src/input/buttons.ts';

/** What the seats report: joins, losses and returns, for the connection state and the notices. */
export interface SeatEvents {
  /** A pad took player `player` (first press, fixed by config, or back after unplugging). */
  joined(player: number, name: string, how: 'press' | 'fixed' | 'returned'): void;
  /** The pad of player `player` went away. */
  lost(player: number, name: string): void;
}

interface Seat {
  /** The device key of the pad that holds (or held) the seat. */
  owner: string | undefined;
  present: boolean;
  /** Reserved for a device named in the config. */
  reservedFor: string | undefined;
}

/**
 * Which pad plays which player. A pad joins with its first button press and gets the first free
 * seat: a seat whose pad was unplugged (a replacement pad takes over) before one never used. A
 * pad named in `padPlayers` gets its seat at once. A pad that comes back (same name and port)
 * retakes its seat without a press. Keys are device keys (see deviceKey).
 */
export class PadSeats {
  private readonly seats: Seat[] = Array.from({ length: MAX_PLAYERS }, () => ({
    owner: undefined,
    present: false,
    reservedFor: undefined,
  }));

  constructor(
    private readonly events: SeatEvents,
    /** Player reserved for a device, from the config (0-based), or undefined. */
    private readonly fixedPlayer: (name: string) => number | undefined = () => undefined,
  ) {}

  /** The player this pad plays, or undefined while it has not joined. */
  playerOf(key: string): number | undefined {
    const index = this.seats.findIndex((s) => s.owner === key && s.present);
    return index < 0 ? undefined : index;
  }

  /** A pad appeared: a fixed pad takes its seat, a returning pad its old one. */
  arrived(key: string, name: string): number | undefined {
    const fixed = this.fixedPlayer(name);
    if (fixed !== undefined && fixed >= 0 && fixed < MAX_PLAYERS) {
      const seat = this.seats[fixed]!;
      seat.reservedFor = name;
      if (!seat.present) return this.take(fixed, key, name, 'fixed');
    }
    const old = this.seats.findIndex((s) => s.owner === key && !s.present);
    return old < 0 ? undefined : this.take(old, key, name, 'returned');
  }

  /** An unseated pad pressed a button: it joins in the first free seat (undefined when full). */
  pressed(key: string, name: string): number | undefined {
    const seated = this.playerOf(key);
    if (seated !== undefined) return seated;
    const free = (s: Seat) => !s.present && s.reservedFor === undefined;
    let index = this.seats.findIndex((s) => free(s) && s.owner !== undefined);
    if (index < 0) index = this.seats.findIndex((s) => free(s) && s.owner === undefined);
    return index < 0 ? undefined : this.take(index, key, name, 'press');
  }

  /** A pad went away; its seat is kept for its return. */
  left(key: string, name: string): void {
    const player = this.playerOf(key);
    if (player === undefined) return;
    this.seats[player]!.present = false;
    this.events.lost(player, name);
  }

  private take(player: number, key: string, name: string, how: 'press' | 'fixed' | 'returned'): number {
    const seat = this.seats[player]!;
    seat.owner = key;
    seat.present = true;
    this.events.joined(player, name, how);
    return player;
  }
}
