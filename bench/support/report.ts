import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../scripts/stack/processes';

/** The page that records benchmark results. */
export const BENCHMARKS_DOC = path.join(ROOT, 'docs', 'benchmarks.md');

/** Describes the machine a benchmark ran on: CPU model, logical CPUs, memory, Node.js version. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const memoryGiB = os.totalmem() / 1024 ** 3;
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} logical CPUs, ${memoryGiB.toFixed(1)} GiB memory, Linux ${os.release()}, Node.js ${process.version}`;
}

/**
 * Names the commit the benchmark ran on, and reports whether files outside bench/ and
 * docs/benchmarks.md had uncommitted changes, since those change what was measured.
 */
export function describeCodeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench', ':!docs/benchmarks.md');
    return changed ? `commit ${commit} with uncommitted changes` : `commit ${commit}`;
  } catch {
    return 'an unknown commit (no git checkout)';
  }
}

/** Formats rows as a Markdown table; the first row is the header. */
export function markdownTable(rows: string[][]): string {
  const [header, ...body] = rows;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

/**
 * Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in docs/benchmarks.md,
 * so each benchmark rewrites only its own results and the prose around them stays.
 */
export function writeDocSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, 'utf8') : '';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(`${BENCHMARKS_DOC} has no "${start}" … "${end}" pair; add one where the results belong`);
  }
  writeFileSync(BENCHMARKS_DOC, `${doc.slice(0, from + start.length)}\n${markdown.trim()}\n${doc.slice(to)}`);
}

/** Formats milliseconds as seconds with one decimal. */
export function secondsText(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
