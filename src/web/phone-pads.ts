import { BUTTONS, type Button, type InputSource, type PadSink } from '../input/buttons.ts';

/**
 * Phones as game pads: an input source like evdev or HID. Each phone page is a pad (id
 * `phone:<page id>`) that joins as soon as it connects (`join: 'connect'`) and goes away when the
 * page closes; the table's seats (PlayerSeats) decide its player, and a lost phone pauses a game
 * as an unplugged pad does. A page that reloads keeps its page id and so retakes its seat. Only
 * changes are passed on (a repeated down or up is dropped).
 */
export class PhonePads implements InputSource {
  private sink: PadSink | undefined;
  /** Open pages: page id → the buttons held on it. */
  private readonly pages = new Map<string, Set<Button>>();
  /** Button changes passed on so far (tests wait on it). */
  delivered = 0;

  start(_emit: unknown, pads: PadSink): void {
    this.sink = pads;
  }

  stop(): void {
    for (const id of [...this.pages.keys()]) this.leave(id);
    this.sink = undefined;
  }

  /** The player the page plays, or undefined (every seat taken, or not started). */
  playerOf(id: string): number | undefined {
    return this.pages.has(id) ? this.sink?.playerOf(padId(id)) : undefined;
  }

  /** Players held by a phone right now, in order. */
  get seated(): number[] {
    return [...this.pages.keys()]
      .map((id) => this.playerOf(id))
      .filter((p): p is number => p !== undefined)
      .sort();
  }

  /** A phone page connected: it joins as the next free player; returns it (undefined when full). */
  join(id: string): number | undefined {
    if (!this.sink) return undefined;
    if (!this.pages.has(id)) {
      this.pages.set(id, new Set());
      this.sink.padConnected({ id: padId(id), name: 'phone', join: 'connect' });
    }
    return this.playerOf(id);
  }

  /** The page closed or lost its connection: the seats release its buttons and its player. */
  leave(id: string): void {
    if (!this.pages.delete(id)) return;
    this.sink?.padDisconnected(padId(id));
  }

  /** A button on the page went down or up. */
  button(id: string, button: Button, down: boolean): void {
    const held = this.pages.get(id);
    if (!held || !BUTTONS.includes(button) || held.has(button) === down) return;
    if (down) held.add(button);
    else held.delete(button);
    this.delivered++;
    this.sink?.padButton(padId(id), button, down);
  }
}

function padId(page: string): string {
  return `phone:${page}`;
}
