import { readFileSync } from 'node:fs';
import { openAlsaCapture } from '../../hardware/alsa-capture.ts';
import type { AudioInputFactory } from '../sound-in/audio-input.ts';
import { PcmCapture } from '../sound-in/pcm-capture.ts';
import { readWavInfo } from '../sound-in/wav.ts';

/**
 * `--audio-in` → what ctx.audioIn() opens. `live` is true only for the real-time table: headless
 * runs, replays and benchmarks get sound only from a WAV file, so their frames stay
 * deterministic (a live source there is as if none were configured).
 */
export function audioInputFactory(spec: string, live: boolean): AudioInputFactory | undefined {
  if (spec === 'off') return undefined;
  if (spec.startsWith('wav:')) return (rate) => wavInput(spec.slice(4), rate);
  if (!live) return undefined;
  const device = spec.startsWith('alsa:') ? spec.slice(5) : '';
  return (rate) => openAlsaCapture({ rate, ...(device ? { device } : {}) });
}

/**
 * A whole WAV file written into a capture at once and played tick by tick (no latency cap):
 * the same PcmCapture path as arecord's stream. A bad file becomes the capture's problem.
 */
export function wavInput(file: string, rate: number): PcmCapture {
  try {
    const info = readWavInfo(file);
    const capture = new PcmCapture({
      sampleRate: info.rate,
      rate,
      maxLatency: Number.POSITIVE_INFINITY,
    });
    capture.write(readFileSync(file).subarray(info.dataOffset, info.dataOffset + info.dataLength));
    return capture;
  } catch (error) {
    const capture = new PcmCapture({ sampleRate: 22050, rate });
    capture.problem = `--audio-in wav:${file}: ${(error as Error).message}`;
    return capture;
  }
}
