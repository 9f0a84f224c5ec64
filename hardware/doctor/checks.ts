import { lookup } from 'node:dns/promises';
import { groupIds, listDir, mayOpen, readText, type System } from './system.ts';

export type Verdict = 'PASS' | 'WARN' | 'FAIL';

/** One line of the report: what was checked, what was found, and the fix when it is not PASS. */
export interface Finding {
  readonly verdict: Verdict;
  readonly topic: string;
  readonly text: string;
  readonly fix?: string;
}

/** The settings doctor judges (a part of Options). */
export interface DoctorSettings {
  readonly output: readonly string[];
  readonly ledCount: number;
  readonly ws281xGpio: number;
  readonly powerBudget: number;
  readonly channelMilliamps: number;
  readonly idleMilliamps: number;
  /** The supply the owner states, in A at 5 V; 0 = not stated. */
  readonly supplyAmps: number;
}

/** Asks a network controller whether it answers; the text names what answered. */
export type ControllerProbe = (host: string) => Promise<{ ok: boolean; text: string }>;

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

type Board = 'pi5' | 'old-library' | 'pi' | 'other';

/** The board's model (device tree) and revision (cpuinfo), and what that means for the LEDs. */
function readBoard(system: System): { model: string | undefined; revision: string | undefined; kind: Board } {
  const model = readText(system, 'proc/device-tree/model')?.split('\0')[0]?.trim() || undefined;
  const revision = readText(system, 'proc/cpuinfo')
    ?.split('\n')
    .find((line) => /^Revision\s*:/.test(line))
    ?.split(':')[1]
    ?.trim();
  let kind: Board = 'other';
  if (model?.startsWith('Raspberry Pi')) {
    if (/^Raspberry Pi (5|500|Compute Module 5)/.test(model)) kind = 'pi5';
    else if (/Zero 2/.test(model) || (/^Raspberry Pi 4/.test(model) && /Rev 1\.[5-9]/.test(model)))
      kind = 'old-library';
    else kind = 'pi';
  }
  return { model, revision, kind };
}

function bootConfig(system: System): { path: string; text: string } | undefined {
  for (const path of ['boot/firmware/config.txt', 'boot/config.txt']) {
    const text = readText(system, path);
    if (text !== undefined) return { path: `/${path}`, text };
  }
  return undefined;
}

/** Active lines of config.txt (comments and blank lines dropped). */
function activeLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const GROUPS = ['input', 'gpio', 'spi', 'video', 'dialout'];

/**
 * Every check, in the order a builder reads them: the machine, its configuration, its devices,
 * the service, each configured output, and the power budget. Never throws: what it cannot read
 * becomes a WARN or FAIL line with the fix.
 */
export async function runChecks(
  system: System,
  settings: DoctorSettings,
  probe: ControllerProbe = wledProbe(),
): Promise<Finding[]> {
  const out: Finding[] = [];
  const add = (verdict: Verdict, topic: string, text: string, fix?: string) =>
    out.push(fix ? { verdict, topic, text, fix } : { verdict, topic, text });

  // Board and revision
  const board = readBoard(system);
  const named = board.model ? `${board.model}${board.revision ? ` (revision ${board.revision})` : ''}` : '';
  if (board.kind === 'other') {
    add(
      'WARN',
      'board',
      `not a Raspberry Pi (${board.model ?? 'no /proc/device-tree/model'})`,
      'fine for the simulator and network or USB outputs; ws281x and leds: need a Pi',
    );
  } else {
    add('PASS', 'board', named);
  }

  // OS and architecture
  const pretty =
    /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readText(system, 'etc/os-release') ?? '')?.[1] ?? 'unknown OS';
  if (board.kind !== 'other' && system.arch === 'arm') {
    add(
      'FAIL',
      'os',
      `${pretty}, 32-bit (${system.arch})`,
      'flash the 64-bit Raspberry Pi OS with Raspberry Pi Imager (install.sh and rpi-ws281x-native need it)',
    );
  } else {
    add('PASS', 'os', `${pretty}, ${system.arch}`);
  }

  // Node
  const major = Number(system.node.split('.')[0]);
  if (major >= 20) add('PASS', 'node', `Node ${system.node}`);
  else
    add(
      'FAIL',
      'node',
      `Node ${system.node} is too old`,
      'install Node 20 or newer: https://deb.nodesource.com/setup_22.x',
    );

  // Groups
  const gids = groupIds(system);
  if (system.user.uid === 0) {
    add('PASS', 'groups', `${system.user.name} is root: every device opens`);
  } else {
    const missing = GROUPS.filter((g) => gids.has(g) && !system.user.gids.includes(gids.get(g)!));
    if (missing.length === 0)
      add('PASS', 'groups', `${system.user.name} is in ${GROUPS.filter((g) => gids.has(g)).join(', ')}`);
    else
      add(
        'WARN',
        'groups',
        `${system.user.name} is not in ${missing.join(', ')}`,
        `sudo usermod -aG ${missing.join(',')} ${system.user.name}, then log in again`,
      );
  }

  // config.txt overlays
  const config = bootConfig(system);
  const lines = config ? activeLines(config.text) : [];
  const overlays = lines.filter((l) => l.startsWith('dtoverlay=')).map((l) => l.slice('dtoverlay='.length));
  if (!config) {
    add(
      board.kind === 'other' ? 'PASS' : 'WARN',
      'config.txt',
      'no /boot/firmware/config.txt or /boot/config.txt',
      board.kind === 'other' ? undefined : 'is /boot mounted? overlays cannot be checked',
    );
  } else {
    const names = overlays.map((o) => o.split(',')[0]!);
    const counted = [...new Set(names)].map(
      (n) =>
        `${n}${names.filter((m) => m === n).length > 1 ? ` ×${names.filter((m) => m === n).length}` : ''}`,
    );
    add(
      'PASS',
      'config.txt',
      `${config.path}: ${counted.length > 0 ? `overlays ${counted.join(', ')}` : 'no overlays'}`,
    );
  }

  // Device nodes and their permissions
  const nodes = (dir: string, pattern: RegExp) => listDir(system, dir, pattern).map((n) => `${dir}/${n}`);
  const groupsOf: [string, string[], boolean, string][] = [
    [
      'LED devices',
      nodes('dev', /^leds\d+$/),
      true,
      'sudo systemd/install.sh (udev rule: group gpio, mode 0660)',
    ],
    ['SPI', nodes('dev', /^spidev/), true, `sudo usermod -aG spi ${system.user.name}`],
    ['input', nodes('dev/input', /^event\d+$/), false, `sudo usermod -aG input ${system.user.name}`],
    ['serial', nodes('dev', /^tty(ACM|USB)\d+$/), true, `sudo usermod -aG dialout ${system.user.name}`],
  ];
  for (const [what, paths, write, fix] of groupsOf) {
    if (paths.length === 0) {
      add('PASS', 'devices', `${what}: none`);
      continue;
    }
    const denied = paths.filter((p) => !mayOpen(system, p, write).allowed);
    const list = paths.map((p) => `/${p} ${mayOpen(system, p, write).mode}`).join(', ');
    if (denied.length === 0) add('PASS', 'devices', `${what}: ${list}`);
    else
      add(
        'WARN',
        'devices',
        `${what}: ${system.user.name} cannot ${write ? 'write' : 'read'} ${denied.map((p) => `/${p}`).join(', ')}`,
        fix,
      );
  }

  // Audio vs PWM
  const ws281x = settings.output.some((o) => o === 'ws281x');
  const pwm = ws281x && (settings.ws281xGpio === 18 || settings.ws281xGpio === 12);
  const audioOff = lines.includes('dtparam=audio=off');
  if (!pwm) add('PASS', 'audio/PWM', 'no output uses PWM: on-board audio may stay on');
  else if (board.kind === 'other')
    add('PASS', 'audio/PWM', 'not a Raspberry Pi: no PWM shared with audio here');
  else if (board.kind === 'pi5') add('PASS', 'audio/PWM', 'a Pi 5 has no analogue audio on the LED pin');
  else if (audioOff)
    add('PASS', 'audio/PWM', `ws281x on GPIO ${settings.ws281xGpio} (PWM) with dtparam=audio=off`);
  else
    add(
      'FAIL',
      'audio/PWM',
      `ws281x on GPIO ${settings.ws281xGpio} uses PWM, which the on-board audio also drives`,
      `add dtparam=audio=off to ${config?.path ?? '/boot/firmware/config.txt'} and reboot (or use GPIO 21 / 10)`,
    );

  // Service
  const service = system.run('systemctl', ['is-active', 'ledtable']);
  const state = service.stdout.trim();
  if (service.status === null)
    add(
      'WARN',
      'service',
      'systemctl is not available here',
      'on the Pi, install the service: sudo systemd/install.sh',
    );
  else if (state === 'active')
    add(
      'PASS',
      'service',
      'ledtable.service is active (it holds the LEDs: stop it before running ledtable by hand)',
    );
  else if (state === 'failed')
    add(
      'FAIL',
      'service',
      'ledtable.service failed',
      'journalctl -u ledtable -n 50 shows why; then sudo systemctl restart ledtable',
    );
  else
    add(
      'WARN',
      'service',
      `ledtable.service is ${state || 'not installed'}`,
      state === 'inactive' ? 'sudo systemctl start ledtable' : 'sudo systemd/install.sh',
    );

  // Configured outputs
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

  // Power budget against the stated supply
  const worst = settings.ledCount * (3 * settings.channelMilliamps + settings.idleMilliamps);
  const budget = settings.powerBudget;
  if (settings.supplyAmps <= 0) {
    add(
      'WARN',
      'power',
      `budget ${budget === 0 ? 'off (no limit)' : `${budget} mA`}; full white would draw about ${(worst / 1000).toFixed(1)} A`,
      'state your supply: ledtable doctor --supply-amps 10',
    );
  } else {
    const supply = settings.supplyAmps * 1000;
    const safe = Math.floor(supply * 0.8);
    const limit = budget === 0 ? worst : Math.min(budget, worst);
    if (limit <= safe)
      add(
        'PASS',
        'power',
        `at most ${limit} mA (${budget === 0 ? 'no limit needed' : `budget ${budget} mA`}) within 80 % of a ${settings.supplyAmps} A supply`,
      );
    else if (limit <= supply)
      add(
        'WARN',
        'power',
        `up to ${limit} mA leaves less than 20 % margin on a ${settings.supplyAmps} A supply`,
        `--power-budget ${safe}`,
      );
    else
      add(
        'FAIL',
        'power',
        `up to ${limit} mA is more than a ${settings.supplyAmps} A supply gives`,
        `--power-budget ${safe}`,
      );
  }
  return out;
}

/** The report as text: one line per finding, `VERDICT  topic  text`, fixes on the next line. */
export function formatFindings(findings: readonly Finding[]): string {
  const width = Math.max(...findings.map((f) => f.topic.length));
  return findings
    .map(
      (f) =>
        `${f.verdict}  ${f.topic.padEnd(width)}  ${f.text}${f.fix ? `\n      ${' '.repeat(width)}  fix: ${f.fix}` : ''}`,
    )
    .join('\n');
}
