/**
 * Wireshark's own dissectors read what our Art-Net and E1.31 outputs send: both outputs send to
 * UDP receivers on 127.0.0.1 (E1.31 multicast groups routed there), the received bytes go into
 * one pcap, and one tshark run decodes them (tshark starts slowly, so once for both). Skipped
 * with a note where tshark is missing (`.ci/run` installs it).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ArtNetDriver } from '../../hardware/artnet.ts';
import { E131Driver } from '../../hardware/e131.ts';
import { type Datagram, hasTshark, tsharkFields, writePcap } from './tshark.ts';
import { UdpReceiver } from './udp-receiver.ts';

test('tshark decodes ArtDmx + ArtSync, and E1.31 multicast data then Stream_Terminated on close', async () => {
  if (!hasTshark()) {
    console.log('  skipped: tshark is not installed (apt-get install tshark)');
    return;
  }
  const artRx = await UdpReceiver.start();
  const art = new ArtNetDriver({ host: '127.0.0.1', port: artRx.port, ledCount: 300, portAddress: 0x0010 });
  await art.open();
  art.show(new Uint8Array(900).fill(9));
  await art.close();
  await artRx.until(6);
  await artRx.close();

  const sacnRx = await UdpReceiver.start();
  const sacn = new E131Driver({
    host: 'multicast',
    port: sacnRx.port,
    ledCount: 300,
    universe: 300,
    route: () => '127.0.0.1',
  });
  await sacn.open();
  sacn.show(new Uint8Array(900).fill(40));
  await sacn.close();
  await sacnRx.until(10);
  await sacnRx.close();

  const datagrams: Datagram[] = [
    ...artRx.packets.map((payload) => ({ payload, port: 6454 })),
    ...sacnRx.packets.map((payload, i) => ({ payload, port: 5568, dst: sacn.groups[i % 2]! })),
  ];
  const rows = tsharkFields(
    writePcap(datagrams),
    [
      'ip.dst',
      'artnet.header.opcode',
      'artnet.output.sequence',
      'artnet.output.universe',
      'artnet.output.length',
      'acn.dmx.universe',
      'acn.dmx.seq_number',
      'acn.dmx.option_s',
      'acn.dmx.count',
      'acn.dmx.source_name',
    ],
    ['--enable-heuristic', 'acn', '-o', 'acn.dmx_enable:TRUE'],
  );
  const art6 = rows.slice(0, 6).map((r) => r.slice(1, 5));
  assert.equal(art6, [
    ['0x5000', '1', '16', '510'],
    ['0x5000', '1', '17', '390'],
    ['0x5200', '', '', ''],
    ['0x5000', '2', '16', '510'],
    ['0x5000', '2', '17', '390'],
    ['0x5200', '', '', ''],
  ]);
  const acn = rows.slice(6).map((r) => [r[0], ...r.slice(5)]);
  assert.equal(acn.slice(0, 2), [
    ['239.255.1.44', '300', '1', '0', '511', 'ledtable'],
    ['239.255.1.45', '301', '1', '0', '391', 'ledtable'],
  ]);
  assert.equal(
    acn.slice(4).map((r) => r[3]),
    ['1', '1', '1', '1', '1', '1'],
    'Stream_Terminated on the three packets per universe after the black frame',
  );
});

test.run();
