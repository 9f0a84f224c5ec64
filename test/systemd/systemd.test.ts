import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = resolve(import.meta.dirname, '../..');
const unit = join(root, 'systemd/ledtable.service');
const script = join(root, 'systemd/install.sh');
const dropIn = join(root, 'systemd/ws281x-root.conf');
const root_ = root;

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

test('systemd-analyze verify accepts the unit', () => {
  if (!has('systemd-analyze')) {
    console.log('  skipped: systemd-analyze is not installed (apt-get install systemd)');
    return;
  }
  // systemd looks `node` up in its own PATH; where node lives elsewhere (nvm), verify a copy
  // that names this node by its full path.
  const dirs = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  let path = unit;
  if (!dirs.some((d) => existsSync(join(d, 'node'))))
    path = unitCopy('ledtable.service', readFileSync(unit, 'utf8'));
  const run = spawnSync('systemd-analyze', ['verify', path], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stderr, /ledtable\.service/, run.stderr);
});

/** A copy of a unit text that names this node by its full path (systemd's PATH may lack it). */
function unitCopy(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ledtable-unit-')), name);
  writeFileSync(
    path,
    text
      .replace('ExecStart=node ', `ExecStart=${process.execPath} `)
      .replace('ExecStopPost=-node ', `ExecStopPost=-${process.execPath} `),
  );
  return path;
}

/** systemd-analyze security's overall exposure (0 = locked down, 10 = exposed) of a unit text. */
function exposure(name: string, text: string): number {
  const run = spawnSync('systemd-analyze', ['security', '--offline=yes', unitCopy(name, text)], {
    encoding: 'utf8',
  });
  const figure = /Overall exposure level for [^:]+: (\d+\.\d)/.exec(run.stdout + run.stderr);
  assert.ok(figure, run.stdout + run.stderr);
  return Number(figure[1]);
}

test('systemd-analyze security: at most 4.4 as the ledtable user and as root (ws281x PWM drop-in)', () => {
  if (!has('systemd-analyze')) {
    console.log('  skipped: systemd-analyze is not installed (apt-get install systemd)');
    return;
  }
  const text = readFileSync(unit, 'utf8');
  const user = exposure('ledtable-user.service', text);
  // A drop-in's [Service] lines apply after the unit's: appending the section is the same.
  const root = exposure('ledtable-root.service', `${text}\n${readFileSync(dropIn, 'utf8')}`);
  console.log(`  exposure: ${user} as ledtable, ${root} as root`);
  assert.ok(user <= 4.4, `as ledtable: ${user}`);
  assert.ok(root <= 4.4, `as root: ${root}`);
  assert.ok(user < root, 'the unprivileged mode is the tighter one');
});

test('the unit runs as the ledtable user with no capabilities; only the drop-in makes it root', () => {
  const text = readFileSync(unit, 'utf8');
  for (const line of [
    'User=ledtable',
    'CapabilityBoundingSet=\n',
    'NoNewPrivileges=yes',
    'WatchdogSec=15',
    'NotifyAccess=all',
  ])
    assert.ok(text.includes(line), line);
  assert.match(text, /ExecStopPost=-node dist\/src\/cli\/blank\.js/);
  assert.not.match(text, /DeviceAllow=\/dev\/mem/);
  const root = readFileSync(dropIn, 'utf8');
  for (const line of [
    'User=root',
    'CapabilityBoundingSet=CAP_SYS_RAWIO CAP_DAC_OVERRIDE',
    'DeviceAllow=/dev/mem rw',
  ])
    assert.ok(root.includes(line), line);
  const rule = readFileSync(join(root_, 'systemd/ledtable-power.rules'), 'utf8');
  assert.match(rule, "subject.user === 'ledtable'");
  assert.match(rule, 'org.freedesktop.login1.power-off');
  assert.match(rule, 'org.freedesktop.login1.reboot');
});

test('the unit restarts on failure, stops on SIGTERM with a timeout, and comments its hardening', () => {
  const text = readFileSync(unit, 'utf8');
  for (const line of [
    'Restart=on-failure',
    'KillSignal=SIGTERM',
    'TimeoutStopSec=5',
    'StandardError=journal',
  ])
    assert.ok(text.includes(line), line);
  assert.match(text, /ExecStart=node dist\/src\/cli\/start\.js --service/);
  // every setting in [Service] after the hardening mark has a comment right above it (or in its group)
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('# --- Hardening'));
  let commented = false;
  for (const line of lines.slice(start)) {
    if (line.startsWith('[')) break;
    if (line.startsWith('#')) commented = true;
    else if (line.trim() === '') commented = false;
    else assert.ok(commented, `no comment above: ${line}`);
  }
});

test('shellcheck finds nothing in install.sh', () => {
  if (!has('shellcheck')) {
    console.log('  skipped: shellcheck is not installed (apt-get install shellcheck)');
    return;
  }
  const run = spawnSync('shellcheck', [script], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stdout + run.stderr);
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end without throwing (status null: it did not start or was killed). */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { encoding: 'utf8', env, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** The output of a run that must succeed. */
async function output(started: Promise<Run>): Promise<string> {
  const { status, stdout, stderr } = await started;
  assert.is(status, 0, `exit ${status}: ${stderr}${stdout}`);
  return stdout;
}

// Every install.sh run starts at import, all at once: each takes a second or more (node and dpkg
// start-ups), and together they overlap with each other and with the other files' tests; the
// tests below only read their results.
const gpioPrefix = join(mkdtempSync(join(tmpdir(), 'ledtable-prefix-')), 'opt');
const pi5Model = join(mkdtempSync(join(tmpdir(), 'ledtable-pi5-')), 'model');
writeFileSync(pi5Model, 'Raspberry Pi 5 Model B Rev 1.0\0');
const install = (...args: string[]) => run('bash', [script, ...args]);
const runs = {
  /** Shared: the gpio-key lines do not depend on the prefix. */
  gpio: install('--dry-run', '--gpio-buttons', '--prefix', gpioPrefix),
  inPlace: install('--dry-run', '--prefix', root),
  usb: install('--dry-run', '--audio-out', 'usb'),
  analog: install('--dry-run', '--audio-out', 'analog'),
  dac: install('--dry-run', '--audio-out', 'i2s-dac', '--gpio-buttons'),
  speaker: install('--audio-out', 'speaker'),
  unknown: install('--frobnicate'),
  pi5: run('bash', [script, '--dry-run'], { ...process.env, LEDTABLE_MODEL_FILE: pi5Model }),
  pi5SpiRgbw: run('bash', [script, '--dry-run'], {
    ...process.env,
    LEDTABLE_MODEL_FILE: pi5Model,
    LEDTABLE_CONFIG_FILE: configFile(
      '{ "output": "ws281x", "ws281xGpio": 10, "ledsOrder": "grbw", "width": 16 }',
    ),
  }),
  corruptConfig: run('bash', [script, '--dry-run'], {
    ...process.env,
    LEDTABLE_CONFIG_FILE: configFile('{ "output": ['),
  }),
};

/** A config file with `text`, for the runs above. */
function configFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ledtable-config-')), 'config.json');
  writeFileSync(path, text);
  return path;
}

test('install.sh --dry-run prints every step and changes nothing', async () => {
  const prefix = gpioPrefix;
  const out = await output(runs.gpio);
  for (const step of [
    '== Checks',
    '== System packages',
    `== Program files in ${prefix} (owned by root, not writable by others)`,
    '--chown=root:root --chmod=go-w',
    `$ chown -R root:root ${prefix}`,
    '== Service user ledtable',
    'useradd --system',
    '/etc/polkit-1/rules.d/50-ledtable.rules',
    'the service runs as root',
    `$ npm --prefix ${prefix} ci`,
    `$ npm --prefix ${prefix} run build`,
    '== Config /etc/ledtable/config.json',
    '== Data directory /var/lib/ledtable',
    '== Sound: keep (LEDs on GPIO 18',
    'dtoverlay=gpio-key,gpio=4,keycode=103,label=P1_UP,gpio_pull=up',
    `WorkingDirectory=${prefix}`,
    '$ systemctl enable ledtable.service',
    'dry run: nothing was changed',
  ]) {
    assert.ok(out.includes(step), `missing: ${step}\n${out}`);
  }
  assert.not.ok(existsSync(prefix), 'nothing was created');
  assert.not.ok(out.includes('== Raspberry Pi 5 LED driver'), 'no Pi 5 step on a machine that is not one');
  assert.ok(out.includes('"output": ["ws281x"]'));
});

test('install.sh refuses to install in place (the service code would stay writable by its owner)', async () => {
  assert.match((await runs.inPlace).stdout, 'WOULD STOP HERE: installing in place would leave the service');
});

test('install.sh --audio-out sets up the sound the owner picks, refusing the pin conflicts', async () => {
  const usb = await output(runs.usb);
  assert.match(usb, 'append: dtparam=audio=off'); // the default LEDs use PWM on GPIO 18
  assert.match(usb, /config: "audio": "alsa(:plughw:CARD=\S+,DEV=0)?"/);
  assert.match(
    await output(runs.analog),
    /WOULD STOP HERE: analogue audio shares PWM with the LEDs on GPIO 18/,
  );
  const dac = await output(runs.dac);
  assert.match(dac, /WOULD STOP HERE: an I2S DAC uses GPIO 18-21/);
  assert.match(dac, /WOULD STOP HERE: an I2S DAC uses GPIO 19 and 20, which --gpio-buttons gives to P2/);
  assert.match(dac, 'append: dtoverlay=hifiberry-dac');
  const bad = await runs.speaker;
  assert.is(bad.status, 2);
  assert.match(bad.stderr, '--audio-out speaker is unknown; use one of: usb hdmi i2s-dac analog none');
});

test('install.sh rejects unknown options', async () => {
  const unknown = await runs.unknown;
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option --frobnicate/);
});

test('hardware/README.md lists the same gpio-key lines install.sh adds', async () => {
  const readme = readFileSync(join(root, 'hardware/README.md'), 'utf8');
  const out = await output(runs.gpio);
  const fromScript = out.match(/dtoverlay=gpio-key[^\n]*/g) ?? [];
  const fromReadme = readme.match(/^dtoverlay=gpio-key[^\n]*/gm) ?? [];
  assert.is(fromScript.length, 16);
  assert.equal(fromReadme, fromScript);
});

test('install.sh on a Raspberry Pi 5 (fake model file): ws2812-pio overlay, udev rule, leds: config, no audio change (the other boards: the dry-run test above)', async () => {
  const out = await output(runs.pi5);
  for (const line of [
    'board: Raspberry Pi 5 Model B Rev 1.0',
    '== Raspberry Pi 5 LED driver',
    'append: dtoverlay=ws2812-pio,gpio=18,num_leds=300',
    '| SUBSYSTEM=="ws2812-pio-rp1", KERNEL=="leds[0-9]*", GROUP="gpio", MODE="0660"',
    '$ udevadm control --reload-rules',
    '"output": ["leds:/dev/leds0"]',
  ]) {
    assert.ok(out.includes(line), `missing: ${line}\n${out}`);
  }
  assert.not.ok(out.includes('dtparam=audio=off'));
});

test("install.sh reads the LED pin, the need for root and the Pi 5 overlay from the owner's config", async () => {
  const out = await output(runs.pi5SpiRgbw);
  assert.match(out, 'append: dtoverlay=ws2812-pio,gpio=10,num_leds=240,rgbw');
  assert.match(out, 'the outputs need no root: the service runs as ledtable');
  const corrupt = await output(runs.corruptConfig);
  assert.match(
    corrupt,
    /WOULD STOP HERE: \S+config.json is not valid JSON \([^)]+\): fix it or move it aside/,
  );
});

test('the unit lets the service open /dev/leds* (the ws2812-pio-rp1 character devices)', () => {
  assert.match(readFileSync(unit, 'utf8'), /^DeviceAllow=char-ws2812-pio-rp1 rw$/m);
});

test.run();
