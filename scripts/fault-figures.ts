/**
 * Prints the figures of the last fault-test run as a Markdown table, and with --record writes
 * them into docs/faults.md between its markers. scripts/test-faults.sh runs it after jest.
 *
 *   npx tsx scripts/fault-figures.ts [--record] [--stage-seconds N] [--file .stack/fault-figures.jsonl]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './stack/processes';
import type { FaultFigures } from '../test/fault/support/figures';

const DOC = path.join(ROOT, 'docs', 'faults.md');
const START = '<!-- fault-figures:start -->';
const END = '<!-- fault-figures:end -->';

const { values: options } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    'stage-seconds': { type: 'string' },
    file: { type: 'string', default: path.join(ROOT, '.stack', 'fault-figures.jsonl') },
  },
});

function readFigures(file: string): FaultFigures[] {
  if (!existsSync(file)) {
    throw new Error(`No fault figures in ${file}: run npm run test:faults first`);
  }
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as FaultFigures);
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function table(figures: FaultFigures[]): string {
  const header = ['fault', 'projects', 'duplicated matter ids', 'sync run', 'sync time', 'kills or restarts', 'time down', '429 storms', '5xx injected', '429 injected', 'pages', 'Clio requests', 'integration before / after'];
  const rows = figures.map((figure) => [
    figure.fault, count(figure.projects), count(figure.duplicatedMatters), figure.syncState, seconds(figure.syncSeconds),
    count(figure.restarts), seconds(figure.downSeconds), count(figure.storms), count(figure.injected5xx), count(figure.injected429),
    count(figure.pages), count(figure.requests), `${figure.integrationBefore} / ${figure.integrationAfter}`,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Names the commit, and whether files other than docs/faults.md had uncommitted changes, since those change what was measured. */
function describeCode(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--', '.', ':!docs/faults.md');
    return changed ? `commit ${commit} with uncommitted changes` : `commit ${commit}`;
  } catch {
    return 'an unknown commit (no git checkout)';
  }
}

function describeRun(stageSeconds: string | undefined): string {
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} logical CPUs, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, Node.js ${process.version}`;
  const stage = stageSeconds ? `; the whole stage took ${seconds(Number(stageSeconds))}` : '';
  return `Measured ${new Date().toISOString().slice(0, 10)} at ${describeCode()} on ${machine}, with \`npm run test:faults\`${stage}.`;
}

function main(): void {
  const markdown = `${describeRun(options['stage-seconds'])}\n\n${table(readFigures(options.file ?? ''))}`;
  console.log(markdown);
  if (options.record) {
    const doc = readFileSync(DOC, 'utf8');
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    if (from < 0 || to < from) {
      throw new Error(`${DOC} has no "${START}" … "${END}" pair; add one where the figures belong`);
    }
    writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${markdown}\n${doc.slice(to)}`);
    console.log(`fault figures written to ${DOC}`);
  }
}

try {
  main();
} catch (error) {
  console.error(`fault-figures failed: ${(error as Error).message}`);
  process.exit(1);
}
