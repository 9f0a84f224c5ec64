import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  type DoctorSettings,
  type Finding,
  formatFindings,
  runChecks,
  wledProbe,
} from '../../hardware/doctor/checks.ts';
import type { System } from '../../hardware/doctor/system.ts';

const GROUP_FILE = 'root:x:0:\ninput:x:101:\ngpio:x:997:\nspi:x:999:\nvideo:x:44:\ndialout:x:20:\n';

/** A fake root: files (path → text, or a device node with mode) under a temp dir. */
function tree(files: Record<string, string | { mode: number }>): string {
  const root = mkdtempSync(join(tmpdir(), 'ledtable-doctor-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : '');
    if (typeof content !== 'string') chmodSync(full, content.mode);
  }
  return root;
}

function pi(model: string, revision: string, extra: Record<string, string | { mode: number }> = {}) {
  return tree({
    'proc/device-tree/model': `${model}\0`,
    'proc/cpuinfo': `processor\t: 0\nRevision\t: ${revision}\n`,
    'etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
    'etc/group': GROUP_FILE,
    ...extra,
  });
}

/** A system under `root`: user pi (uid 4242, not the owner of any fake file) in the given groups. */
function system(root: string, groups: number[], service = 'active', arch = 'arm64'): System {
  return {
    root,
    arch,
    node: '22.11.0',
    user: { name: 'pi', uid: 4242, gids: groups },
    run: () => ({ status: service === 'absent' ? null : 0, stdout: `${service}\n` }),
  };
}

const settings = (over: Partial<DoctorSettings> = {}): DoctorSettings => ({
  output: ['ws281x'],
  ledCount: 300,
  ws281xGpio: 18,
  powerBudget: 8000,
  channelMilliamps: 20,
  idleMilliamps: 1,
  supplyAmps: 10,
  ...over,
});

const line = (findings: Finding[], topic: string) => {
  const found = findings.find((f) => f.topic === topic);
  assert.ok(found, `no ${topic} line in\n${formatFindings(findings)}`);
  return found!;
};

test('Pi 3 with ws281x on GPIO 18 and audio on: the PWM conflict FAILs with the config.txt line', async () => {
  const root = pi('Raspberry Pi 3 Model B Rev 1.2', 'a02082', {
    'boot/firmware/config.txt': 'dtparam=audio=on\ndtoverlay=gpio-key,gpio=4\ndtoverlay=gpio-key,gpio=17\n',
    'dev/input/event0': { mode: 0o660 },
  });
  const findings = await runChecks(system(root, [101, 997, 999, 44, 20]), settings());
  assert.is(line(findings, 'board').text, 'Raspberry Pi 3 Model B Rev 1.2 (revision a02082)');
  assert.is(line(findings, 'os').verdict, 'PASS');
  assert.match(line(findings, 'config.txt').text, /\/boot\/firmware\/config\.txt: overlays gpio-key ×2/);
  const audio = line(findings, 'audio/PWM');
  assert.is(audio.verdict, 'FAIL');
  assert.match(audio.fix!, /add dtparam=audio=off to \/boot\/firmware\/config\.txt/);
  assert.is(line(findings, 'output ws281x').verdict, 'WARN', 'not root: needs the service');
  assert.is(line(findings, 'power').verdict, 'PASS');
});

test('Pi 4 rev 1.5: ws281x FAILs (library too old); user missing groups WARNs with usermod; input devices unreadable', async () => {
  const root = pi('Raspberry Pi 4 Model B Rev 1.5', 'd03115', {
    'boot/config.txt': 'dtparam=audio=off\n',
    'dev/input/event0': { mode: 0o600 },
    'dev/spidev0.0': { mode: 0o660 },
  });
  const findings = await runChecks(system(root, [44]), settings());
  const ws = line(findings, 'output ws281x');
  assert.is(ws.verdict, 'FAIL');
  assert.match(ws.text, /revision table does not know Raspberry Pi 4 Model B Rev 1\.5/);
  const groups = line(findings, 'groups');
  assert.is(groups.verdict, 'WARN');
  assert.is(groups.fix, 'sudo usermod -aG input,gpio,spi,dialout pi, then log in again');
  const devices = findings.filter((f) => f.topic === 'devices');
  assert.ok(devices.some((f) => f.verdict === 'WARN' && /cannot read \/dev\/input\/event0/.test(f.text)));
  assert.ok(devices.some((f) => f.verdict === 'WARN' && /cannot write \/dev\/spidev0\.0/.test(f.text)));
  assert.is(line(findings, 'audio/PWM').verdict, 'PASS');
});

test('Pi 5: leds: checked against the ws2812-pio overlay (num_leds) and /dev/leds0 permissions; ws281x points to leds:', async () => {
  const base = {
    'boot/firmware/config.txt': 'dtoverlay=ws2812-pio,gpio=18,num_leds=300\n',
    'dev/leds0': { mode: 0o660 },
  };
  const good = await runChecks(
    system(pi('Raspberry Pi 5 Model B Rev 1.0', 'd04170', base), [101, 997, 999, 44, 20]),
    settings({ output: ['leds:/dev/leds0', 'ws281x'] }),
  );
  // the fake node belongs to the test runner's group, not gpio (997): pi cannot write it
  const leds = line(good, 'output leds:/dev/leds0');
  assert.is(leds.verdict, 'FAIL');
  assert.match(leds.text, /pi cannot write \/dev\/leds0 \(mode 0660\)/);
  assert.match(leds.fix!, /udev rule/);
  const ws = line(good, 'output ws281x');
  assert.is(ws.verdict, 'FAIL');
  assert.match(ws.fix!, /--output leds:\/dev\/leds0 with dtoverlay=ws2812-pio,gpio=18,num_leds=300/);
  assert.match(line(good, 'audio/PWM').text, /Pi 5 has no analogue audio/);

  const open = await runChecks(
    system(pi('Raspberry Pi 5 Model B Rev 1.0', 'd04170', { ...base, 'dev/leds0': { mode: 0o666 } }), []),
    settings({ output: ['leds:/dev/leds0'] }),
  );
  assert.equal(line(open, 'output leds:/dev/leds0').verdict, 'PASS');

  const wrongCount = await runChecks(
    system(
      pi('Raspberry Pi 5 Model B Rev 1.0', 'd04170', {
        ...base,
        'boot/firmware/config.txt': 'dtoverlay=ws2812-pio,gpio=18\n',
      }),
      [],
    ),
    settings({ output: ['leds:/dev/leds0'] }),
  );
  const count = line(wrongCount, 'output leds:/dev/leds0');
  assert.equal([count.verdict, count.text], ['FAIL', 'the overlay has num_leds=60, the table 300 LEDs']);

  const noOverlay = await runChecks(
    system(pi('Raspberry Pi 5 Model B Rev 1.0', 'd04170'), []),
    settings({ output: ['leds:/dev/leds0'] }),
  );
  assert.match(
    line(noOverlay, 'output leds:/dev/leds0').fix!,
    /add dtoverlay=ws2812-pio,gpio=18,num_leds=300 to \/boot\/firmware\/config\.txt/,
  );
});

test('Zero 2 W on a 32-bit OS: the OS FAILs with the fix, ws281x FAILs, a failed service FAILs with journalctl', async () => {
  const root = pi('Raspberry Pi Zero 2 W Rev 1.0', '902120', { 'boot/config.txt': '' });
  const findings = await runChecks(system(root, [101, 997, 999, 44, 20], 'failed', 'arm'), settings());
  assert.equal(line(findings, 'os').verdict, 'FAIL');
  assert.match(line(findings, 'os').fix!, /64-bit Raspberry Pi OS/);
  assert.is(line(findings, 'output ws281x').verdict, 'FAIL');
  assert.match(line(findings, 'service').fix!, /journalctl -u ledtable/);
});

test('a laptop: not a Pi (WARN), no systemctl, a DDP controller on 127.0.0.1 answering like WLED, power over the supply FAILs', async () => {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify(req.url === '/json/info' ? { ver: '0.15.0', name: 'Table', leds: { count: 300 } } : {}),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const root = tree({ 'etc/os-release': 'PRETTY_NAME="Ubuntu 24.04 LTS"\n', 'etc/group': GROUP_FILE });
  const findings = await runChecks(
    system(root, [], 'absent', 'x64'),
    settings({ output: ['ddp:127.0.0.1', 'tpm2:/dev/ttyACM0', 'terminal'], powerBudget: 0, supplyAmps: 4 }),
    wledProbe(port),
  );
  server.close();
  assert.is(line(findings, 'board').verdict, 'WARN');
  assert.is(line(findings, 'os').text, 'Ubuntu 24.04 LTS, x64');
  assert.is(line(findings, 'service').verdict, 'WARN');
  const ddp = line(findings, 'output ddp:127.0.0.1');
  assert.equal(
    [ddp.verdict, ddp.text],
    ['PASS', '127.0.0.1 → 127.0.0.1: WLED 0.15.0 "Table" answers (300 LEDs configured)'],
  );
  assert.match(line(findings, 'output tpm2:/dev/ttyACM0').text, /\/dev\/ttyACM0 is missing/);
  const power = line(findings, 'power');
  assert.equal([power.verdict, power.fix], ['FAIL', '--power-budget 3200']);
  const text = formatFindings(findings);
  assert.match(text, /^WARN {2}board +not a Raspberry Pi/m);
  assert.match(text, /^ +fix: --power-budget 3200$/m);
});

test('an unresolvable controller FAILs; a silent one WARNs; an unstated supply WARNs with the flag', async () => {
  const root = tree({ 'etc/group': GROUP_FILE });
  const findings = await runChecks(
    system(root, [], 'inactive', 'x64'),
    settings({ output: ['e131:no-such-host.invalid', 'artnet:127.0.0.1'], supplyAmps: 0 }),
    async () => ({ ok: false, text: 'no answer' }),
  );
  assert.is(line(findings, 'output e131:no-such-host.invalid').verdict, 'FAIL');
  assert.is(line(findings, 'output artnet:127.0.0.1').verdict, 'WARN');
  assert.match(line(findings, 'power').fix!, /--supply-amps 10/);
  assert.is(line(findings, 'service').fix, 'sudo systemctl start ledtable');
});

test.run();
