import type { Button } from '../src/input/buttons.ts';
import { DEFAULT_KEYMAP } from '../src/input/keymap.ts';
import { PAD_PATH, type SeatMessage } from '../src/web/protocol.ts';
import { ReconnectingSocket, socketUrl } from './socket.ts';

/** Browser key names → the simulator's key names (src/input/keymap.ts). */
const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Enter: 'return',
  Escape: 'escape',
  Backspace: 'backspace',
  ' ': 'space',
};

/** This page's pad id: kept for the tab's life, so a reload retakes the same seat. */
function padId(): string {
  let id = sessionStorage.getItem('ledtable-pad');
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    sessionStorage.setItem('ledtable-pad', id);
  }
  return id;
}

/**
 * The phone gamepad: every element with data-button inside `root` is a button. Touches are
 * tracked per pointer, so several fingers hold several buttons, and a finger sliding across the
 * D-pad moves from one direction to the next. A button is down while at least one finger (or
 * key) holds it; only changes are sent. The keyboard plays too, with the simulator's keys.
 */
export class PhonePad {
  private socket: ReconnectingSocket | undefined;
  /** Pointer id → the button it holds. */
  private readonly pointers = new Map<number, Button>();
  /** Button → how many pointers and keys hold it. */
  private readonly holds = new Map<Button, number>();
  private readonly keys = new Set<string>();

  constructor(
    private readonly root: HTMLElement,
    private readonly seat: (message: SeatMessage | undefined, note: string) => void,
  ) {
    root.addEventListener('pointerdown', (e) => this.pointer(e));
    root.addEventListener('pointermove', (e) => {
      if (this.pointers.has(e.pointerId)) this.pointer(e);
    });
    for (const type of ['pointerup', 'pointercancel'] as const) {
      root.addEventListener(type, (e) => this.lift(e.pointerId));
    }
    root.addEventListener('contextmenu', (e) => e.preventDefault());
    window.addEventListener('keydown', (e) => this.key(e, true));
    window.addEventListener('keyup', (e) => this.key(e, false));
    window.addEventListener('blur', () => this.releaseAll());
  }

  /** Joins the table as the next free player (and rejoins after a lost connection). */
  start(): void {
    this.socket ??= new ReconnectingSocket(() => `${socketUrl(PAD_PATH)}?id=${padId()}`, {
      onMessage: (data) => {
        if (typeof data !== 'string') return;
        const message = JSON.parse(data) as SeatMessage;
        if (message.type === 'seat') {
          this.seat(message, message.player === null ? 'every seat is taken; waiting for one' : '');
        }
      },
      onClose: (code) => {
        this.releaseAll();
        this.seat(undefined, code === 4000 ? 'every seat is taken; waiting for one' : 'reconnecting…');
      },
    });
  }

  stop(): void {
    this.socket?.close();
    this.socket = undefined;
  }

  private pointer(e: PointerEvent): void {
    e.preventDefault();
    const target = document.elementFromPoint(e.clientX, e.clientY);
    const button = (target?.closest('[data-button]') as HTMLElement | null)?.dataset.button as
      | Button
      | undefined;
    const old = this.pointers.get(e.pointerId);
    if (old === button) return;
    if (old) this.change(old, -1);
    if (button && this.root.contains(target)) {
      this.pointers.set(e.pointerId, button);
      this.change(button, +1);
    } else {
      this.pointers.delete(e.pointerId);
    }
  }

  private lift(pointerId: number): void {
    const old = this.pointers.get(pointerId);
    this.pointers.delete(pointerId);
    if (old) this.change(old, -1);
  }

  private key(e: KeyboardEvent, down: boolean): void {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    const name = KEY_NAMES[e.key] ?? e.key.toLowerCase();
    const binding = DEFAULT_KEYMAP[name];
    if (!binding || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    if (down === this.keys.has(name)) return; // auto-repeat and stray releases
    if (down) this.keys.add(name);
    else this.keys.delete(name);
    this.change(binding.button, down ? 1 : -1);
  }

  private change(button: Button, delta: number): void {
    const before = this.holds.get(button) ?? 0;
    const after = Math.max(0, before + delta);
    this.holds.set(button, after);
    if ((before === 0) === (after === 0)) return;
    const down = after > 0;
    for (const element of this.root.querySelectorAll<HTMLElement>(`[data-button="${button}"]`)) {
      element.classList.toggle('down', down);
    }
    if (down) navigator.vibrate?.(12);
    this.socket?.send(JSON.stringify({ type: 'button', button, down }));
  }

  private releaseAll(): void {
    for (const [button, count] of this.holds) if (count > 0) this.change(button, -count);
    this.pointers.clear();
    this.keys.clear();
  }
}
