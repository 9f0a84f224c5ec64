import { blankOutputs } from './blank-outputs.ts';

/** Entry point of the service's ExecStopPost=: blanks the configured LED outputs (blank-outputs.ts). */
process.exitCode = await blankOutputs(process.argv.slice(2), process.env);
