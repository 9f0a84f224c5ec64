import type { AddFinding, Board, ControllerProbe, DoctorSettings, Finding } from './finding.ts';
import { checkOutputs, wledProbe } from './output-checks.ts';
import { groupIds, listDir, mayOpen, readText, type System } from './system.ts';

export type { ControllerProbe, DoctorSettings, Finding, Verdict } from './finding.ts';
export { wledProbe } from './output-checks.ts';

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
  const add: AddFinding = (verdict, topic, text, fix) =>
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
  await checkOutputs({ system, settings, board, overlays, configPath: config?.path, probe }, add);

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
