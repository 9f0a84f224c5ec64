import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dataDirectory, logFilePath } from '../../src/config/index.ts';

test('data directory: option, then XDG_STATE_HOME, then HOME/.local/state', () => {
  const env = { HOME: '/home/pi', XDG_STATE_HOME: '/state' };
  assert.is(dataDirectory({ dataDir: '/srv/ledtable' }, env), '/srv/ledtable');
  assert.is(dataDirectory({ dataDir: '~/led' }, env), '/home/pi/led');
  assert.is(dataDirectory({ dataDir: '' }, env), '/state/ledtable');
  assert.is(dataDirectory({ dataDir: '' }, { HOME: '/home/pi' }), '/home/pi/.local/state/ledtable');
  assert.is(
    dataDirectory({ dataDir: '' }, { HOME: '/home/pi', XDG_STATE_HOME: 'relative' }),
    '/home/pi/.local/state/ledtable',
    'a relative XDG_STATE_HOME is ignored, as the spec says',
  );
});

test('log file: option, else <data dir>/ledtable.log', () => {
  const env = { HOME: '/home/pi' };
  assert.is(logFilePath({ dataDir: '', logFile: '' }, env), '/home/pi/.local/state/ledtable/ledtable.log');
  assert.is(logFilePath({ dataDir: '/d', logFile: '' }, env), '/d/ledtable.log');
  assert.is(logFilePath({ dataDir: '/d', logFile: '/var/log/led.log' }, env), '/var/log/led.log');
});

test.run();
