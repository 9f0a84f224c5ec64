import { lookup } from 'node:dns/promises';
import type { AddFinding, Board, ControllerProbe, DoctorSettings } from './finding.ts';
import { mayOpen, type System } from './system.ts';

/** Queries WLED's JSON API (http://HOST[:port]/json/info) with a 1 s timeout. */
export function wledProbe(port = 80): ControllerProbe {
  return async (host) => {
    try {
      const response = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/json/info`, {
        signal: AbortSignal.timeout(1000),
      });
      if (!response.ok) return { ok: false, text: `HTTP ${response.status} from ${host}` };
      const info = (await response.json()) as { ver?: string; leds?: { count?: number }; name?: string };
      return {
        ok: true,
        text: `WLED ${info.ver ?? '?'} "${info.name ?? host}" answers (${info.leds?.count ?? '?'} LEDs configured)`,
      };
    } catch (error) {
      return {
        ok: false,
        text: `no answer on http://${host}:${port}/json/info (${(error as Error).message})`,
      };
    }
  };
}

/** What the output checks need to know from the checks before them. */
export interface OutputCheckContext {
  readonly system: System;
  readonly settings: DoctorSettings;
  readonly board: { readonly model: string | undefined; readonly kind: Board };
  /** The dtoverlay= values of config.txt, and its path (when found). */
  readonly overlays: readonly string[];
  readonly configPath: string | undefined;
  readonly probe: ControllerProbe;
}

/**
 * One line per configured output: ws281x against the board, leds: against the ws2812-pio overlay
 * and the device's mode, serial devices present and writable, network controllers resolved and
 * asked whether they answer.
 */
export async function checkOutputs(context: OutputCheckContext, add: AddFinding): Promise<void> {
  const { system, settings, board, overlays, probe } = context;
  const config = context.configPath === undefined ? undefined : { path: context.configPath };
  for (const output of settings.output) {
    const [head = ''] = output.split('?');
    const colon = head.indexOf(':');
    const kind = colon < 0 ? head : head.slice(0, colon);
    const target = colon < 0 ? '' : head.slice(colon + 1);
    const topic = `output ${head}`;
    if (kind === 'ws281x') {
      if (board.kind === 'pi5')
        add(
          'FAIL',
          topic,
          'rpi-ws281x-native cannot drive a Pi 5',
          `use --output leds:/dev/leds0 with dtoverlay=ws2812-pio,gpio=${settings.ws281xGpio},num_leds=${settings.ledCount} (sudo systemd/install.sh adds it)`,
        );
      else if (board.kind === 'old-library')
        add(
          'FAIL',
          topic,
          `rpi-ws281x-native's revision table does not know ${board.model}`,
          'use ddp:/e131: to a WLED controller or tpm2: to a USB board (hardware/README.md)',
        );
      else if (board.kind === 'other')
        add('FAIL', topic, 'not a Raspberry Pi', 'use ddp:, e131:, artnet: or tpm2: outputs here');
      else if (system.user.uid !== 0)
        add('WARN', topic, 'needs root (the service runs as root)', 'run the service, or sudo ledtable');
      else add('PASS', topic, `GPIO ${settings.ws281xGpio}`);
    } else if (kind === 'leds') {
      const overlay = overlays.find((o) => o.startsWith('ws2812-pio'));
      const numLeds = overlay ? Number(/num_leds=(\d+)/.exec(overlay)?.[1] ?? 60) : undefined;
      const device = mayOpen(system, target.replace(/^\//, ''), true);
      if (board.kind !== 'pi5')
        add(
          'FAIL',
          topic,
          'leds: is the Raspberry Pi 5 kernel driver (ws2812-pio-rp1)',
          board.kind === 'other' ? 'use a network or USB output here' : 'use --output ws281x on this Pi',
        );
      else if (!overlay)
        add(
          'FAIL',
          topic,
          'no ws2812-pio overlay in config.txt',
          `add dtoverlay=ws2812-pio,gpio=18,num_leds=${settings.ledCount} to ${config?.path ?? '/boot/firmware/config.txt'} and reboot`,
        );
      else if (numLeds !== settings.ledCount)
        add(
          'FAIL',
          topic,
          `the overlay has num_leds=${numLeds}, the table ${settings.ledCount} LEDs`,
          `set num_leds=${settings.ledCount} in ${config?.path} and reboot`,
        );
      else if (!device.exists)
        add(
          'FAIL',
          topic,
          `${target} is missing although the overlay is set`,
          'reboot once after adding the overlay; check `dmesg | grep ws2812`',
        );
      else if (!device.allowed)
        add(
          'FAIL',
          topic,
          `${system.user.name} cannot write ${target} (mode ${device.mode})`,
          'sudo systemd/install.sh (udev rule), or run the service',
        );
      else add('PASS', topic, `${target} writable, overlay ${overlay}`);
    } else if (kind === 'tpm2') {
      const device = mayOpen(system, target.replace(/^\//, ''), true);
      if (!device.exists)
        add(
          'FAIL',
          topic,
          `${target} is missing`,
          'plug in the board; `ls /dev/ttyACM* /dev/ttyUSB*` shows its name',
        );
      else if (!device.allowed)
        add(
          'FAIL',
          topic,
          `${system.user.name} cannot write ${target}`,
          `sudo usermod -aG dialout ${system.user.name}`,
        );
      else add('PASS', topic, `${target} present and writable`);
    } else if (kind === 'ddp' || kind === 'e131' || kind === 'artnet') {
      if (target === 'multicast') {
        add('PASS', topic, 'multicast: nothing to ask');
        continue;
      }
      const host = target.startsWith('[') ? target.slice(1, target.indexOf(']')) : target.split(':')[0]!;
      try {
        const resolved = await lookup(host);
        const answer = await probe(resolved.address);
        if (answer.ok) add('PASS', topic, `${host} → ${resolved.address}: ${answer.text}`);
        else
          add(
            'WARN',
            topic,
            `${host} → ${resolved.address}: ${answer.text}`,
            'is the controller on and on this network? (non-WLED receivers may not answer HTTP)',
          );
      } catch (error) {
        add(
          'FAIL',
          topic,
          `cannot resolve ${host} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          "check the name, or give the controller's IP address",
        );
      }
    } else {
      add('PASS', topic, 'nothing to check');
    }
  }
}
