import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/stack/processes';

/** File the fault tests append their figures to, one JSON object a line. scripts/fault-figures.ts turns it into a table. */
export const FIGURES_FILE = process.env.FAULT_FIGURES_FILE ?? path.join(ROOT, '.stack', 'fault-figures.jsonl');

/** What one fault test measured. Times are wall-clock figures for docs/faults.md, never asserted. */
export interface FaultFigures {
  /** Short name of the fault, such as "worker SIGKILL". */
  fault: string;
  projects: number;
  duplicatedMatters: number;
  syncState: string;
  /** Seconds from the sync request to the run reading completed through the API. */
  syncSeconds: number;
  /** Kills, stops or restarts of the faulty server, 0 for injected Clio faults. */
  restarts: number;
  /** Seconds the faulty server was down in all, from the signal to the end of its restart. */
  downSeconds: number;
  /** Storms of 429 responses the sandbox sent. */
  storms: number;
  /** 5xx and 429 responses the sandbox injected. */
  injected5xx: number;
  injected429: number;
  /** Pages, Clio requests and 429s the sync run recorded, retried attempts included. */
  pages: number;
  requests: number;
  rateLimited: number;
  integrationBefore: string;
  integrationAfter: string;
}

/** Appends the figures to {@link FIGURES_FILE} and prints them on one line. */
export function recordFigures(figures: FaultFigures): void {
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(FIGURES_FILE, `${JSON.stringify({ ...figures, recordedAt: new Date().toISOString() })}\n`);
  console.log(`fault figures: ${JSON.stringify(figures)}`);
}
