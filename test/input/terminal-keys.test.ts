import { EventEmitter } from 'node:events';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ButtonEvent } from '../../src/input/buttons.ts';
import { TerminalKeys } from '../../src/input/terminal-keys.ts';

/** A fake raw-mode TTY plus manual timers. */
function fakeTerminal(answer?: string) {
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    raw: false,
    setRawMode(raw: boolean) {
      stdin.raw = raw;
    },
    resume() {},
    pause() {},
  });
  const written: string[] = [];
  const stdout = {
    write(text: string) {
      written.push(text);
      if (text.includes('\x1b[?u') && answer) queueMicrotask(() => stdin.emit('data', Buffer.from(answer)));
    },
  };
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const clock = {
    setTimeout(fn: () => void, ms: number) {
      const timer = { at: now + ms, fn, id: nextId++ };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(id: unknown) {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    now: () => now,
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)) {
        clock.clearTimeout(timer.id);
        timer.fn();
      }
    },
  };
  return { stdin, stdout, written, clock };
}

async function started(answer?: string) {
  const term = fakeTerminal(answer);
  const events: ButtonEvent[] = [];
  let interrupted = 0;
  const keys = new TerminalKeys({
    stdin: term.stdin,
    stdout: term.stdout,
    timers: term.clock,
    now: term.clock.now,
    onInterrupt: () => interrupted++,
  });
  const start = keys.start((e) => events.push(e));
  if (!answer) term.clock.advance(200); // no answer: the probe times out
  await start;
  return { ...term, keys, events, interrupts: () => interrupted };
}

test('without the kitty protocol a tap is held briefly, then released', async () => {
  const t = await started();
  assert.is(t.keys.mode, 'repeat');
  assert.ok(t.stdin.raw);
  t.stdin.emit('keypress', undefined, { name: 'left' });
  assert.equal(t.events, [{ player: 0, button: 'left', down: true }]);
  t.clock.advance(119);
  assert.is(t.events.length, 1);
  t.clock.advance(2);
  assert.equal(t.events[1], { player: 0, button: 'left', down: false });
});

test('two quick taps are two presses, not one hold', async () => {
  const t = await started();
  t.stdin.emit('keypress', undefined, { name: 'left' });
  t.clock.advance(90);
  t.stdin.emit('keypress', undefined, { name: 'left' });
  t.clock.advance(200);
  assert.equal(
    t.events.map((e) => e.down),
    [true, false, true, false],
  );
});

test('auto-repeat keeps a key held until repeats stop', async () => {
  const t = await started();
  t.stdin.emit('keypress', 'a', { name: 'a' }); // P2 left: a tap until repeats begin
  t.clock.advance(300); // the terminal's repeat delay
  for (let i = 0; i < 10; i++) {
    t.stdin.emit('keypress', 'a', { name: 'a' });
    t.clock.advance(33);
  }
  const left = (down: boolean) => ({ player: 1, button: 'left', down });
  assert.equal(t.events, [left(true), left(false), left(true)], 'one hold for the whole repeat stream');
  t.clock.advance(70);
  assert.equal(t.events, [left(true), left(false), left(true), left(false)]);
});

test('Ctrl-C interrupts; unbound keys are ignored; stop restores cooked mode', async () => {
  const t = await started();
  t.stdin.emit('keypress', '\x03', { name: 'c', ctrl: true });
  t.stdin.emit('keypress', 'k', { name: 'k' });
  assert.is(t.interrupts(), 1);
  assert.is(t.events.length, 0);
  t.keys.stop();
  assert.not.ok(t.stdin.raw);
});

test('kitty protocol: real press and release events, flags pushed and popped', async () => {
  const t = await started('\x1b[?0u\x1b[?62;c');
  assert.is(t.keys.mode, 'kitty');
  assert.ok(t.written.includes('\x1b[>11u'));
  t.stdin.emit('data', Buffer.from('\x1b[1;1:1D')); // left arrow press
  t.stdin.emit('data', Buffer.from('\x1b[1;1:2D')); // repeat: no new event
  t.stdin.emit('data', Buffer.from('\x1b[122;1:1u\x1b[1;1:3D')); // z press, left release
  assert.equal(t.events, [
    { player: 0, button: 'left', down: true },
    { player: 0, button: 'a', down: true },
    { player: 0, button: 'left', down: false },
  ]);
  t.stdin.emit('data', Buffer.from('\x1b[99;5u')); // Ctrl-C
  assert.is(t.interrupts(), 1);
  t.keys.stop();
  assert.ok(t.written.includes('\x1b[<u'));
});

test('a terminal that answers only the device attributes query uses auto-repeat', async () => {
  const t = await started('\x1b[?62;22c');
  assert.is(t.keys.mode, 'repeat');
});

test.run();
