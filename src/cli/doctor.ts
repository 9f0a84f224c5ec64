import { defineOptions } from '../config/options.ts';
import type { Layout } from '../output/layout.ts';
import type { CliIo } from './io.ts';

export const doctorOptions = defineOptions('ledtable doctor', {
  supplyAmps: {
    flag: '--supply-amps',
    type: 'number',
    default: 0,
    min: 0,
    max: 1000,
    arg: 'A',
    help: "The LED supply's rated current at 5 V, for `ledtable doctor` to judge --power-budget (0 = not stated).",
    scope: 'config',
  },
});

/** The options doctor reads. */
export interface DoctorOptions {
  readonly output: readonly string[];
  readonly ws281xGpio: number;
  readonly powerBudget: number;
  readonly channelMilliamps: number;
  readonly idleMilliamps: number;
  readonly supplyAmps: number;
}

/**
 * `ledtable doctor`: what a builder runs on the Pi when something does not light up. Prints one
 * PASS / WARN / FAIL line per check (board, OS, Node, groups, config.txt, devices, audio vs
 * PWM, the service, each configured output, the power budget against --supply-amps) with the
 * fix under each problem. Exit code 1 when any check FAILs. The checks live in hardware/doctor/.
 */
export async function runDoctor(options: DoctorOptions, layout: Layout, io: CliIo): Promise<number> {
  const { runChecks, formatFindings } = await import('../../hardware/doctor/checks.ts');
  const { thisSystem } = await import('../../hardware/doctor/system.ts');
  const findings = await runChecks(thisSystem(), {
    output: options.output,
    ledCount: layout.ledCount,
    ws281xGpio: options.ws281xGpio,
    powerBudget: options.powerBudget,
    channelMilliamps: options.channelMilliamps,
    idleMilliamps: options.idleMilliamps,
    supplyAmps: options.supplyAmps,
  });
  io.stdout.write(`${formatFindings(findings)}\n`);
  const fails = findings.filter((f) => f.verdict === 'FAIL').length;
  const warns = findings.filter((f) => f.verdict === 'WARN').length;
  io.stdout.write(`\n${fails} FAIL, ${warns} WARN, ${findings.length - fails - warns} PASS\n`);
  return fails > 0 ? 1 : 0;
}
