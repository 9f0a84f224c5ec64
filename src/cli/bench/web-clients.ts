/**
 * Child process of the web bench: N live-view clients in their own process (so their cost is
 * not counted as the table's). Usage: web-clients.ts URL N SECONDS. Prints "ready" once every
 * client is connected, then after SECONDS one JSON line: frames and bytes received per client.
 */
import { WebSocket } from 'ws';

const [url = '', count = '1', seconds = '3'] = process.argv.slice(2);
const clients = Array.from({ length: Number(count) }, () => new WebSocket(url));
const frames = clients.map(() => 0);
const bytes = clients.map(() => 0);
let counting = false;
clients.forEach((client, i) => {
  client.on('message', (data: Buffer) => {
    if (!counting) return;
    frames[i]!++;
    bytes[i]! += data.length;
  });
});
await Promise.all(
  clients.map((c) => new Promise((resolve, reject) => c.once('open', resolve).once('error', reject))),
);
process.stdout.write('ready\n');
counting = true;
const started = performance.now();
await new Promise((resolve) => setTimeout(resolve, Number(seconds) * 1000));
counting = false;
const elapsed = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ elapsed, frames, bytes })}\n`);
for (const client of clients) client.terminate();
