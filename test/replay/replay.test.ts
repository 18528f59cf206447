import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { temporal } from '@temporalio/proto';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { quietRuntime, workflowBundle } from '../support/temporal-env';

const ROOT = path.resolve(__dirname, '..', '..');
const silentLogger = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const dir = path.join(__dirname, 'histories');
/** Fixtures as `<release date>/<kind>.binpb`, oldest release first. */
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.binpb')).sort();
const newestRelease = files.map((file) => path.dirname(file)).sort().at(-1) as string;

beforeAll(() => {
  quietRuntime();
});

test('the newest release has a history of each kind of run', () => {
  const kinds = files.filter((file) => path.dirname(file) === newestRelease).map((file) => path.basename(file));
  expect(kinds).toEqual(expect.arrayContaining([
    'integration-activate-nightly.binpb', 'integration-connect-project-sync.binpb', 'integration-disconnect.binpb',
    'integration-reauthorization.binpb', 'sync-matters-full.binpb',
  ]));
});

test.each(files)('%s replays on the current workflow code', async (file) => {
  const history = temporal.api.history.v1.History.decode(readFileSync(path.join(dir, file)));
  const result = await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file);
  expect(result).toBeUndefined();
});

test('non-deterministic change fails the replay', async () => {
  // A copy of the workflow code whose integration workflow sleeps before its first step,
  // which running workflows never recorded.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'casebridge-mutant-'));
  for (const folder of ['workflows', 'lib', 'activities']) {
    cpSync(path.join(ROOT, folder), path.join(copy, folder), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  const workflowFile = path.join(copy, 'workflows', 'integration.ts');
  const source = readFileSync(workflowFile, 'utf8');
  const marker = '  timeZone = await bookkeeping.getFirmTimeZone(firmId);';
  expect(source).toContain(marker);
  writeFileSync(workflowFile, source.replace(marker, `  await sleep(1000);\n${marker}`).replace("import {\n", "import {\n  sleep,\n"));
  const mutant = await bundleWorkflowCode({ workflowsPath: path.join(copy, 'workflows', 'index.ts'), logger: silentLogger });
  const history = temporal.api.history.v1.History.decode(readFileSync(path.join(dir, newestRelease, 'integration-connect-project-sync.binpb')));
  await expect(Worker.runReplayHistory({ workflowBundle: mutant }, history, 'mutant')).rejects.toBeInstanceOf(DeterminismViolationError);
  rmSync(copy, { recursive: true, force: true });
});
