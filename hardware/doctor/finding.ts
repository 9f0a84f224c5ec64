/** What `ledtable doctor` reports and what its checks share. */
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

/** What the board means for the LEDs: a Pi 5, a Pi the bundled rpi_ws281x does not know, another Pi, not a Pi. */
export type Board = 'pi5' | 'old-library' | 'pi' | 'other';

/** Adds one finding; `fix` only for WARN and FAIL. */
export type AddFinding = (verdict: Verdict, topic: string, text: string, fix?: string) => void;
