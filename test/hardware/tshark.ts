import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when tshark is installed; tests that need it print that they skipped otherwise. */
export function hasTshark(): boolean {
  return spawnSync('sh', ['-c', 'command -v tshark'], { encoding: 'utf8' }).status === 0;
}

/** One received datagram for the pcap: its payload and where it was sent. */
export interface Datagram {
  readonly payload: Uint8Array;
  readonly port: number;
  /** Destination IPv4 address; default 127.0.0.1. */
  readonly dst?: string;
}

/**
 * Writes UDP payloads (as received on 127.0.0.1) into a pcap file of raw IPv4 packets
 * (link type 101), each addressed to its port (and address), so tshark's dissectors read them.
 */
export function writePcap(datagrams: readonly Datagram[]): string {
  const parts: Buffer[] = [];
  const global = Buffer.alloc(24);
  global.writeUInt32LE(0xa1b2c3d4, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(65535, 16);
  global.writeUInt32LE(101, 20); // LINKTYPE_RAW
  parts.push(global);
  datagrams.forEach(({ payload, port: dstPort, dst = '127.0.0.1' }, i) => {
    const dstBytes = dst.split('.').map(Number);
    const ip = Buffer.alloc(28);
    ip[0] = 0x45;
    ip.writeUInt16BE(28 + payload.length, 2);
    ip[8] = 64; // TTL
    ip[9] = 17; // UDP
    ip.set([127, 0, 0, 1], 12);
    ip.set(dstBytes, 16);
    let sum = 0;
    for (let j = 0; j < 20; j += 2) sum += ip.readUInt16BE(j);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
    ip.writeUInt16BE(~sum & 0xffff, 10);
    ip.writeUInt16BE(40000, 20);
    ip.writeUInt16BE(dstPort, 22);
    ip.writeUInt16BE(8 + payload.length, 24); // UDP checksum 0: none
    const record = Buffer.alloc(16);
    record.writeUInt32LE(1_700_000_000 + i, 0);
    record.writeUInt32LE(ip.length + payload.length, 8);
    record.writeUInt32LE(ip.length + payload.length, 12);
    parts.push(record, ip, Buffer.from(payload));
  });
  const path = join(mkdtempSync(join(tmpdir(), 'ledtable-pcap-')), 'capture.pcap');
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** Runs tshark on a pcap and returns one row per packet of the requested fields (tab-separated). */
export function tsharkFields(
  pcap: string,
  fields: readonly string[],
  extra: readonly string[] = [],
): string[][] {
  const args = ['-r', pcap, ...extra, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])];
  const run = spawnSync('tshark', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tshark ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}
