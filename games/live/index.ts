import { defineGame, type Graphics, sprite } from '../../src/index.ts';

/** Seconds the sender's name shows over the picture when a stream (or its sender) starts. */
const SENDER_SECONDS = 2;

/**
 * Live input: shows frames another program sends over the network (xLights, Jinx!, Glediator,
 * Hyperion, LedFx… over DDP, E1.31, Art-Net or TPM2.NET) through the table's own layout,
 * limiter and outputs. The CLI listens when `--live` names protocols and hands the frames in as
 * ctx.live. ORDER says how the sender lays out its data: STRIP (LED order of this table's
 * strip, as for a WLED controller) or ROWS (row by row from the top-left, as Jinx! and
 * Glediator matrices). Shows the sender for 2 s when a stream starts; back leaves; after
 * ctx.live.timeoutSeconds without a frame it returns to the menu. With `--live-takeover`
 * (default on) the table starts this app by itself when a stream begins.
 */
export default defineGame({
  id: 'live',
  title: 'Live input',
  description: 'Shows what xLights, Jinx!, Hyperion or LedFx send over DDP, E1.31, Art-Net or TPM2.NET.',
  kind: 'app',
  settings: {
    order: { label: 'ORDER', values: ['STRIP', 'ROWS'], default: 'STRIP' },
  },
  icon: sprite(['..w..', '.w.w.', 'w.g.w', '.w.w.', '..w..'], { w: 0x40a0ff, g: 0x40ff80 }),
  create(ctx) {
    const live = ctx.live;
    const { width, height } = ctx;
    // LED i of the received frame → pixel index (−1: not on the canvas). Built once.
    const ledCount = ctx.wiring.ledCount;
    const target = new Int32Array(ledCount);
    for (let led = 0; led < ledCount; led++) {
      target[led] =
        ctx.settings.order === 'ROWS' ? (led < width * height ? led : -1) : ctx.wiring.pixelOf(led);
    }
    const seenAtStart = live?.frames ?? 0;
    let seen = seenAtStart;
    let quiet = 0;
    let sender = '';
    let senderTicks = 0;
    let tick = 0;

    const drawFrame = (g: Graphics, frame: Readonly<Uint8Array>) => {
      for (let led = 0; led < ledCount; led++) {
        const px = target[led]!;
        if (px < 0) continue;
        const at = led * 3;
        g.set(
          px % width,
          Math.floor(px / width),
          (frame[at]! << 16) | (frame[at + 1]! << 8) | frame[at + 2]!,
        );
      }
    };

    return {
      update() {
        tick++;
        if (!live) return;
        if (live.frames !== seen) {
          seen = live.frames;
          quiet = 0;
          if (live.sender !== sender) {
            sender = live.sender;
            senderTicks = ctx.ticks(SENDER_SECONDS);
            ctx.log(`frames from ${sender}`);
          }
        } else if (seen !== seenAtStart && ++quiet >= ctx.ticks(live.timeoutSeconds)) {
          ctx.log(`no frame from ${sender} for ${live.timeoutSeconds} s: back to the menu`);
          ctx.end({ message: 'STREAM ENDED' });
        }
        if (senderTicks > 0) senderTicks--;
      },
      draw(g) {
        g.clear();
        if (!live) {
          g.text('LIVE', 1, 1, 0x40a0ff);
          g.banner('OFF: START WITH --live ddp,e131,artnet,tpm2net', height - 6, 0xff8040, tick);
          return;
        }
        if (seen === seenAtStart || !live.frame) {
          g.text('LIVE', 1, 1, 0x40a0ff);
          g.banner(`WAITING: ${live.listening}`, height - 6, 0x40ff80, tick);
          return;
        }
        drawFrame(g, live.frame);
        if (senderTicks > 0) {
          g.fillRect(0, height - 7, width, 7, 0x000000);
          g.banner(sender, height - 6, 0xffffff, ctx.ticks(SENDER_SECONDS) - senderTicks);
        }
      },
    };
  },
});
