import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type PcmSink, SilentSink, WavSink } from './pcm-sink.ts';
import { alsaPlayer, PlayerSink, pipewirePlayer, pulsePlayer, soxPlayer } from './player-sink.ts';

export interface AudioOutputOptions {
  /** The --audio value: auto, off, alsa[:DEVICE], pulse, pipewire, sox, wav:FILE. */
  readonly spec: string;
  readonly rate: number;
  readonly fps: number;
  readonly bufferMs: number;
  readonly env: NodeJS.ProcessEnv;
  /** One line per event worth telling the owner (no device, player restarted). */
  readonly log: (line: string) => void;
  /** Headless runs: auto means silence (no device, no real time). */
  readonly headless?: boolean;
}

/** True when `command` is an executable file in one of $PATH's directories. */
export function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {}
  }
  return false;
}

/** A PulseAudio (or pipewire-pulse) server this user can reach. */
function pulseServer(env: NodeJS.ProcessEnv): boolean {
  if (env.PULSE_SERVER) return true;
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime !== undefined && existsSync(join(runtime, 'pulse', 'native'));
}

/**
 * Opens the sound output an --audio value names. `auto` picks pacat when a PulseAudio/PipeWire
 * server runs, else aplay (ALSA), else sox's play (macOS), else silence with one log line; a player that cannot open a
 * device also falls back to silence with one line. Named players retry when they die. A WAV file
 * that cannot be created throws (the caller reports it as a usage error).
 */
export function openAudioOutput(options: AudioOutputOptions): PcmSink {
  const { spec, rate, fps, bufferMs, env, log } = options;
  if (spec === 'off') return new SilentSink();
  if (spec.startsWith('wav:')) return new WavSink(spec.slice(4), rate);
  const base = { rate, fps, bufferMs, log, env };
  if (spec === 'alsa' || spec.startsWith('alsa:')) {
    return new PlayerSink({ ...base, player: alsaPlayer(rate, bufferMs, spec.slice(5) || undefined) });
  }
  if (spec === 'pulse') return new PlayerSink({ ...base, player: pulsePlayer(rate, bufferMs) });
  if (spec === 'pipewire') return new PlayerSink({ ...base, player: pipewirePlayer(rate, bufferMs) });
  if (spec === 'sox') return new PlayerSink({ ...base, player: soxPlayer(rate, bufferMs) });
  if (options.headless) return new SilentSink();
  if (pulseServer(env) && onPath('pacat', env)) {
    return new PlayerSink({ ...base, player: pulsePlayer(rate, bufferMs), quietFallback: true });
  }
  if (onPath('aplay', env)) {
    return new PlayerSink({ ...base, player: alsaPlayer(rate, bufferMs), quietFallback: true });
  }
  if (onPath('play', env)) {
    return new PlayerSink({ ...base, player: soxPlayer(rate, bufferMs), quietFallback: true });
  }
  log(
    'sound: no player found (aplay from alsa-utils, pacat from pulseaudio-utils, or play from sox); continuing without sound',
  );
  return new SilentSink();
}
