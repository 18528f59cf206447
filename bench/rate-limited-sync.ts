/**
 * Rate-limited sync benchmark: a CaseBridge full sync against the sandbox with its per-token
 * request limit on. It counts 429 responses and compares the elapsed time with the least time the
 * limit allows, ceil(N / L) × W for N API requests, a limit of L requests and a window of W seconds.
 *
 *   npx tsx bench/rate-limited-sync.ts [--matters 20000] [--limit 5] [--window 2] [--record]
 *
 * The limit must be the bottleneck for the comparison to test pacing. On the 2-core machine of
 * docs/benchmarks.md an unlimited full sync makes an estimated 15 requests a second, and the
 * default of 5 requests per 2-second window is a sixth of that.
 */
import { parseArgs } from 'node:util';
import { withBenchSession } from './support/bench-session';
import { connectFirm, runFullSync } from './support/casebridge-sync';
import { describeCodeVersion, describeMachine, markdownTable, secondsText, writeDocSection } from './support/report';
import { readRequestCounts, resetRequestCounts, setRateLimit } from './support/sandbox-admin';

/** Goal: at most this many 429 responses in one sync. */
const MAX_RATE_LIMITED = 3;
/** Goal: the elapsed time stays within this factor of the time the limit allows. */
const MAX_ELAPSED_FACTOR = 1.05;
/** Maximum wait for the sync. */
const SYNC_TIMEOUT_MS = 20 * 60_000;

const { values: options } = parseArgs({
  options: {
    matters: { type: 'string', default: '20000' },
    limit: { type: 'string', default: '5' },
    window: { type: 'string', default: '2' },
    record: { type: 'boolean', default: false },
  },
});

function parsePositive(name: string, text: string | undefined, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`Invalid --${name} value ${text ?? ''}: give a whole number from 1 to ${max}`);
  }
  return value;
}

async function main(): Promise<void> {
  const matters = parsePositive('matters', options.matters, 200_000);
  const limit = parsePositive('limit', options.limit, 1_000_000);
  const windowSeconds = parsePositive('window', options.window, 86_400);
  console.log(`rate-limited-sync: ${matters} matters, limit ${limit} requests per ${windowSeconds} s window`);

  const measured = await withBenchSession({ matters }, async ({ stack, client, credentials }) => {
    const firmId = `bench-limited-${matters}`;
    const handle = await connectFirm({ client, credentials, sandboxUrl: stack.sandboxUrl, firmId });
    await setRateLimit(stack.sandboxUrl, { limit, windowSeconds });
    await resetRequestCounts(stack.sandboxUrl);
    const startedAt = performance.now();
    const run = await runFullSync(handle, SYNC_TIMEOUT_MS);
    const elapsedMs = performance.now() - startedAt;
    if (run.state !== 'completed') {
      throw new Error(`The rate-limited full sync failed: ${run.error ?? 'no error recorded'}`);
    }
    return { run, elapsedMs, requests: await readRequestCounts(stack.sandboxUrl) };
  });

  const { run, elapsedMs, requests } = measured;
  // Only API requests count against the limit; token refreshes go to the OAuth endpoint.
  const apiRequests = Object.values(requests.api).reduce((total, value) => total + value, 0);
  const sandbox429s = requests.byStatus['429'] ?? 0;
  const allowedMs = Math.ceil(apiRequests / limit) * windowSeconds * 1000;
  const factor = elapsedMs / allowedMs;
  const command = `npx tsx bench/rate-limited-sync.ts ${process.argv.slice(2).join(' ')}`.trim();
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} at ${describeCodeVersion()} on ${describeMachine()}, with \`${command}\`.`,
    '',
    markdownTable([
      ['matters', 'limit', 'pages', 'API requests (N)', '429s: run record / sandbox', 'elapsed', 'allowed, ceil(N / L) × W', 'elapsed / allowed'],
      [
        matters.toLocaleString('en-US'),
        `${limit} per ${windowSeconds} s`,
        String(run.pages),
        `${apiRequests} (run record: ${run.requests})`,
        `${run.rateLimited} / ${sandbox429s}`,
        secondsText(elapsedMs),
        secondsText(allowedMs),
        factor.toFixed(3),
      ],
    ]),
    '',
    `- 429 goal (at most ${MAX_RATE_LIMITED}): ${Math.max(run.rateLimited ?? 0, sandbox429s) <= MAX_RATE_LIMITED ? 'met' : 'missed'}.`,
    `- Time goal (elapsed at most ${MAX_ELAPSED_FACTOR} × allowed): ${factor <= MAX_ELAPSED_FACTOR ? 'met' : 'missed'}.`,
  ].join('\n');
  console.log(`\n${markdown}`);
  if (options.record) {
    writeDocSection('rate-limited-sync', markdown);
    console.log('rate-limited-sync: results written to docs/benchmarks.md');
  }
}

main().catch((error: unknown) => {
  console.error(`rate-limited-sync failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
