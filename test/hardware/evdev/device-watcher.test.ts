import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DeviceWatcher } from '../../../hardware/evdev/device-watcher.ts';
import { FakeTree, PROC } from './fake-input.ts';

/** A watcher over a fake tree that records what it offers and reports, answering with `answer`. */
function watching(
  blocks: Record<string, string>,
  answer: (event: string) => 'open' | 'retry' | 'skip' = () => 'open',
) {
  const tree = new FakeTree(blocks);
  const seen: string[] = [];
  const watcher = new DeviceWatcher(
    {
      added: (device, byId) => {
        seen.push(`+${device.event} ${device.kind}${byId ? ` ${byId}` : ''}`);
        return answer(device.event);
      },
      removed: (device) => {
        seen.push(`-${device.event}`);
      },
    },
    { devRoot: tree.devRoot, procRoot: tree.procRoot, wordBits: 64, watch: false },
  );
  return { tree, watcher, take: () => seen.splice(0) };
}

test('offers keyboards, pads and GPIO buttons once each, with their by-id name; never mice', () => {
  const { tree, watcher, take } = watching({
    event0: PROC.gpio('event0', 17),
    event2: PROC.mouse('event2'),
    event5: PROC.xbox('event5'),
  });
  watcher.start();
  assert.equal(take(), [
    '+event0 gpio usb-button_11-event0',
    '+event5 gamepad usb-Microsoft_X_Box_360_pad-event5',
  ]);
  watcher.rescan();
  assert.equal(take(), [], 'nothing new');
  watcher.stop();
  tree.remove();
});

test('a vanished device is removed; another device on the same node is a new one', () => {
  const { tree, watcher, take } = watching({ event5: PROC.xbox('event5') });
  watcher.start();
  take();
  tree.set({ event5: PROC.snes('event5') });
  watcher.rescan();
  assert.equal(take(), ['-event5', '+event5 gamepad usb-DragonRise_Inc_Generic_USB_Joystick_-event5']);
  tree.set({});
  watcher.rescan();
  assert.equal(take(), ['-event5']);
  watcher.stop();
  tree.remove();
});

test('a device not taken (retry, skip) is offered again; one that stopped by itself is removed and offered again', () => {
  let answer: 'open' | 'retry' = 'retry';
  const { tree, watcher, take } = watching({ event3: PROC.keyboard('event3') }, () => answer);
  watcher.start();
  assert.equal(take().length, 1);
  answer = 'open';
  watcher.rescan();
  assert.equal(take().length, 1, 'offered again and taken');
  watcher.lost('event3');
  assert.equal(take(), ['-event3']);
  watcher.rescan();
  assert.equal(take().length, 1, 'still listed: offered again');
  watcher.stop();
  tree.remove();
});

test.run();
