import { spawn } from 'node:child_process';
import { PcmCapture } from '../src/sound-in/pcm-capture.ts';

export interface AlsaCaptureOptions {
  /** ALSA device, e.g. "hw:1,0" or "plughw:CARD=Device"; empty = ALSA's default. */
  readonly device?: string;
  /** Samples per second to capture; default 22050 (spectra up to 11 kHz). */
  readonly sampleRate?: number;
  /** Loop rate in ticks per second. */
  readonly rate: number;
  /** The capture program and its arguments; default arecord (tests substitute another). */
  readonly command?: readonly [string, ...string[]];
}

export const CAPTURE_RATE = 22050;

/**
 * Sound from a microphone or line-in: `arecord` (alsa-utils) writes raw 16-bit mono PCM on its
 * stdout into a PcmCapture. A missing program or device never throws: the capture reports it as
 * `problem` (with the fix) and stays silent, so an app can say so on the table. close() stops
 * the process.
 */
export function openAlsaCapture(options: AlsaCaptureOptions): PcmCapture {
  const sampleRate = options.sampleRate ?? CAPTURE_RATE;
  const [command, ...args] = options.command ?? [
    'arecord',
    '-q',
    '-t',
    'raw',
    '-f',
    'S16_LE',
    '-c',
    '1',
    '-r',
    String(sampleRate),
    ...(options.device ? ['-D', options.device] : []),
  ];
  let stopping = false;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const capture = new PcmCapture({
    sampleRate,
    rate: options.rate,
    onClose: () => {
      stopping = true;
      child.kill('SIGTERM');
    },
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-400);
  });
  child.on('error', (error: NodeJS.ErrnoException) => {
    capture.problem =
      error.code === 'ENOENT'
        ? `${command} is not installed: sudo apt install alsa-utils`
        : `${command}: ${error.message}`;
  });
  child.on('exit', (code, signal) => {
    if (stopping || (code === 0 && signal === null)) return;
    const last = errors.trim().split('\n').pop() ?? '';
    capture.problem ||= `${command} stopped (${signal ?? `exit ${code}`})${last ? `: ${last}` : ''}; list capture devices with arecord -l and choose one with --audio-in alsa:DEVICE`;
  });
  void capture.attach(child.stdout);
  return capture;
}
