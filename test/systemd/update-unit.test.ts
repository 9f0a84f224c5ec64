/**
 * The updater's unit and the polkit rule that lets the unprivileged table start it: systemd
 * accepts the unit, it is hardened and commented, install.sh fills in the paths, and the rule
 * allows the ledtable user to start that one unit and nothing else (evaluated here as polkit
 * would, with a stand-in polkit object: this machine has no polkit).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = resolve(import.meta.dirname, '../..');
const unit = readFileSync(join(root, 'systemd/ledtable-update.service'), 'utf8');
const hasAnalyze = spawnSync('sh', ['-c', 'command -v systemd-analyze']).status === 0;

/** A copy of the unit that names this node by its full path (systemd's PATH may lack it). */
function unitCopy(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ledtable-unit-')), 'ledtable-update.service');
  writeFileSync(path, unit.replace('ExecStart=node ', `ExecStart=${process.execPath} `));
  return path;
}

test('systemd-analyze verify accepts the updater unit; its exposure stays low although it runs as root', () => {
  if (!hasAnalyze) {
    console.log('  skipped: systemd-analyze is not installed (apt-get install systemd)');
    return;
  }
  const path = unitCopy();
  const verify = spawnSync('systemd-analyze', ['verify', path], { encoding: 'utf8' });
  assert.is(verify.status, 0, verify.stderr);
  assert.not.match(verify.stderr, /ledtable-update\.service/, verify.stderr);
  const security = spawnSync('systemd-analyze', ['security', '--offline=yes', path], { encoding: 'utf8' });
  const figure = /Overall exposure level for [^:]+: (\d+\.\d)/.exec(security.stdout + security.stderr);
  assert.ok(figure, security.stdout + security.stderr);
  console.log(`  exposure: ${figure[1]}`);
  assert.ok(Number(figure[1]) <= 4.4, figure[1]);
});

test('the updater unit: a oneshot never started at boot, writing only the prefix, the clone and the state directory', () => {
  for (const line of [
    'Type=oneshot',
    'ExecStart=node /opt/ledtable/dist/src/cli/update/updater.js --source /home/pi/ledtable --prefix /opt/ledtable --status /var/lib/ledtable/update.json',
    'ProtectSystem=strict',
    'NoNewPrivileges=yes',
    'ReadWritePaths=/opt\n',
    'ReadWritePaths=-/home/pi/ledtable\n',
    'ReadWritePaths=-/var/lib/ledtable\n',
    'CapabilityBoundingSet=CAP_CHOWN CAP_FOWNER CAP_DAC_OVERRIDE CAP_SETUID CAP_SETGID\n',
  ])
    assert.ok(unit.includes(line), line);
  assert.not.match(unit, /^\[Install\]/m);
  // a StateDirectory= here would hand /var/lib/ledtable to root, away from the table
  assert.not.match(unit, /^StateDirectory=/m);
  const lines = unit.split('\n');
  let commented = false;
  for (const line of lines.slice(lines.findIndex((l) => l.startsWith('[Service]')) + 1)) {
    if (line.startsWith('#')) commented = true;
    else if (line.trim() === '') commented = false;
    else assert.ok(commented, `no comment above: ${line}`);
  }
});

test('install.sh --dry-run installs the updater with its prefix, the prefix parent and the clone, and records the commit', () => {
  const prefix = join(mkdtempSync(join(tmpdir(), 'ledtable-prefix-')), 'srv', 'table');
  const out = execFileSync('bash', [join(root, 'systemd/install.sh'), '--dry-run', '--prefix', prefix], {
    encoding: 'utf8',
  });
  for (const line of [
    '== Updater /etc/systemd/system/ledtable-update.service',
    `| ExecStart=node ${prefix}/dist/src/cli/update/updater.js --source ${root} --prefix ${prefix} --status /var/lib/ledtable/update.json`,
    `| ReadWritePaths=${join(prefix, '..')}\n`,
    `| ReadWritePaths=-${root}\n`,
    `the previous version stays in ${prefix}.previous`,
  ])
    assert.ok(out.includes(line), `missing: ${line}\n${out}`);
  if (spawnSync('git', ['-C', root, 'rev-parse', 'HEAD']).status === 0) {
    const head = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    assert.ok(out.includes(`write ${prefix}/COMMIT (mode 0644):\n     | ${head}`), out);
  }
});

type Result = 'YES' | 'NOT_HANDLED';

/** Asks the rule file what polkit would answer. */
function decide(user: string, id: string, details: Record<string, string> = {}): Result {
  const rules: ((action: unknown, subject: unknown) => Result)[] = [];
  const polkit = {
    Result: { YES: 'YES', NO: 'NO', NOT_HANDLED: 'NOT_HANDLED' },
    addRule: (rule: (action: unknown, subject: unknown) => Result) => rules.push(rule),
  };
  runInNewContext(readFileSync(join(root, 'systemd/ledtable-power.rules'), 'utf8'), { polkit });
  assert.is(rules.length, 1);
  return rules[0]!({ id, lookup: (key: string) => details[key] }, { user });
}

test('polkit: the ledtable user may start the updater and power off or reboot, nothing else', () => {
  const units = 'org.freedesktop.systemd1.manage-units';
  assert.is(decide('ledtable', units, { unit: 'ledtable-update.service', verb: 'start' }), 'YES');
  assert.is(decide('ledtable', 'org.freedesktop.login1.reboot'), 'YES');
  assert.is(decide('ledtable', 'org.freedesktop.login1.power-off-multiple-sessions'), 'YES');
  for (const verb of ['stop', 'restart', 'enable', 'reload'])
    assert.is(decide('ledtable', units, { unit: 'ledtable-update.service', verb }), 'NOT_HANDLED', verb);
  assert.is(decide('ledtable', units, { unit: 'ssh.service', verb: 'start' }), 'NOT_HANDLED');
  assert.is(decide('ledtable', units, { unit: 'ledtable.service', verb: 'start' }), 'NOT_HANDLED');
  assert.is(decide('ledtable', 'org.freedesktop.systemd1.manage-unit-files'), 'NOT_HANDLED');
  assert.is(decide('pi', units, { unit: 'ledtable-update.service', verb: 'start' }), 'NOT_HANDLED');
  assert.is(decide('pi', 'org.freedesktop.login1.reboot'), 'NOT_HANDLED');
});

test.run();
