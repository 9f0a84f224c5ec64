import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type FrameClient, LiveView } from '../../src/web/live-view.ts';
import { FRAME_HEADER_BYTES, readFrame } from '../../src/web/protocol.ts';

class Client implements FrameClient {
  bufferedAmount = 0;
  readonly messages: Uint8Array[] = [];
  send(data: Uint8Array): void {
    this.messages.push(data);
  }
  /** The pixels of the n-th message, as one byte string per LED. */
  rgb(n: number): number[] {
    const message = this.messages[n]!;
    const frame = readFrame(
      message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength) as ArrayBuffer,
    );
    return [...(frame?.rgb ?? [])];
  }
}

const frame = (...values: number[]) => new Uint8Array(values);

test('a frame is sent once to every client, with its size in the header; unchanged frames are not sent', () => {
  const view = new LiveView((send) => send());
  const a = new Client();
  const b = new Client();
  view.add(a);
  view.add(b);
  view.frame(frame(1, 2, 3, 4, 5, 6), 2, 1);
  view.frame(frame(1, 2, 3, 4, 5, 6), 2, 1);
  view.frame(frame(9, 2, 3, 4, 5, 6), 2, 1);
  assert.is(a.messages.length, 2);
  assert.is(b.messages.length, 2);
  assert.is(a.messages[0]!.length, FRAME_HEADER_BYTES + 6);
  assert.equal(a.rgb(0), [1, 2, 3, 4, 5, 6]);
  assert.equal(a.rgb(1), [9, 2, 3, 4, 5, 6]);
  assert.is(view.bytesSent, 4 * (FRAME_HEADER_BYTES + 6));
});

test('a client that joins later gets the current frame at once', () => {
  const view = new LiveView((send) => send());
  const first = new Client();
  view.add(first);
  view.frame(frame(7, 7, 7), 1, 1);
  const late = new Client();
  view.add(late);
  assert.equal(late.rgb(0), [7, 7, 7]);
});

test('a slow client misses frames instead of queueing them, then gets the newest one', () => {
  const view = new LiveView((send) => send());
  const slow = new Client();
  const fast = new Client();
  view.add(slow);
  view.add(fast);
  view.frame(frame(1, 0, 0), 1, 1);
  slow.bufferedAmount = 1000; // its socket still holds several frames
  view.frame(frame(2, 0, 0), 1, 1);
  view.frame(frame(3, 0, 0), 1, 1);
  assert.is(slow.messages.length, 1);
  assert.is(fast.messages.length, 3);
  slow.bufferedAmount = 0;
  view.frame(frame(3, 0, 0), 1, 1); // unchanged, but the slow client has not seen it
  assert.is(slow.messages.length, 2);
  assert.equal(slow.rgb(1), [3, 0, 0]);
  view.frame(frame(3, 0, 0), 1, 1);
  assert.is(slow.messages.length, 2, 'and nothing more while nothing changes');
  assert.is(view.framesSkipped, 2);
});

test('a message is never reused after it was sent (a socket may still hold it)', () => {
  const view = new LiveView((send) => send());
  const client = new Client();
  view.add(client);
  view.frame(frame(1, 1, 1), 1, 1);
  view.frame(frame(2, 2, 2), 1, 1);
  assert.is.not(client.messages[0], client.messages[1]);
  assert.equal(client.rgb(0), [1, 1, 1]);
});

test('sends happen after the tick, and only the newest of several frames is sent', () => {
  const later: (() => void)[] = [];
  const view = new LiveView((send) => later.push(send));
  const client = new Client();
  view.add(client);
  view.frame(frame(1, 1, 1), 1, 1);
  view.frame(frame(2, 2, 2), 1, 1);
  assert.is(client.messages.length, 0, 'nothing during the tick');
  for (const send of later.splice(0)) send();
  assert.is(client.messages.length, 1);
  assert.equal(client.rgb(0), [2, 2, 2]);
});

test.run();
