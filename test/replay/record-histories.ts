import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { FAILURE_TYPES } from '../../lib/failure-types';
import { integrationWorkflowId } from '../../lib/integration-status';
import * as m from '../../workflows/messages';
import { createRecordingActivities } from '../support/recording-activities';
import { createTimeSkippingEnv, workflowBundle } from '../support/temporal-env';

const HOUR_MS = 60 * 60 * 1000;
const NOTIFYING_FIRM = 'replay-notifying-firm';
const PREFLIGHT_FIRM = 'replay-preflight-firm';

/**
 * Records one history of each kind of workflow run, for the replay test that keeps workflow
 * changes compatible with running workflows. Run it after a workflow change that is meant to
 * alter histories (behind `patched()`), with `npx tsx test/replay/record-histories.ts [FOLDER]`.
 * The default folder is test/replay/histories/<today's date>: each release keeps its own set,
 * because workflows it started may still be running when the next release replays them.
 */
async function main(): Promise<void> {
  const env = await createTimeSkippingEnv();
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, 'histories', new Date().toISOString().slice(0, 10)));
  if (existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.binpb'))) {
    throw new Error(`${dir} already contains recorded histories, which must stay as they were recorded: name a new folder, such as ${dir}-2`);
  }
  mkdirSync(dir, { recursive: true });
  let clioRejects = false;
  const rejection = () => ApplicationFailure.create({ type: FAILURE_TYPES.reauthorizationRequired, message: 'Clio refused the refresh token', nonRetryable: true });
  /** The first dispatch pass of the notifying firm reports an update due three hours later, as a queued client update would be. */
  let dispatchPasses = 0;
  const recorder = createRecordingActivities({
    timeZone: 'America/New_York',
    pages: 3,
    clioFailure: () => (clioRejects ? rejection() : null),
    credentialFailure: (firmId) => (firmId === PREFLIGHT_FIRM ? rejection() : null),
    nextDispatchAt: (firmId, at) => (firmId === NOTIFYING_FIRM && dispatchPasses++ === 0 ? new Date(at.getTime() + 3 * HOUR_MS).toISOString() : null),
  });
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record', workflowBundle: await workflowBundle(), activities: recorder.activities });
  const runIds: { workflowId: string; runId: string; file: string }[] = [];
  await worker.runUntil(async () => {
    const startFirm = (firmId: string) => env.client.workflow.signalWithStart('integrationWorkflow', {
      workflowId: integrationWorkflowId(firmId),
      taskQueue: 'record',
      args: [{ firmId }],
      signal: m.clioAuthorizedSignal,
      signalArgs: [{ credentialVersion: 1, region: 'us', clioUser: { id: 1, name: 'Avery Lawson' } }],
    });
    const firmId = 'replay-firm';
    const handle = await startFirm(firmId);
    runIds.push({ workflowId: handle.workflowId, runId: handle.signaledRunId, file: 'integration-connect-project-sync.binpb' });
    await handle.executeUpdate(m.syncProjectUpdate, { args: [{ matterId: 42 }] });
    await env.sleep(5_000);
    const afterProject = await handle.describe();
    runIds.push({ workflowId: handle.workflowId, runId: afterProject.runId, file: 'integration-activate-nightly.binpb' });
    await handle.executeUpdate(m.activateUpdate, { args: [{}] });
    await env.sleep(26 * 60 * 60 * 1000);
    const afterNightly = await handle.describe();
    runIds.push({ workflowId: handle.workflowId, runId: afterNightly.runId, file: 'integration-reauthorization.binpb' });
    clioRejects = true;
    await handle.executeUpdate(m.syncAllUpdate, { args: [{ mode: 'full' }] });
    await env.sleep(5_000);
    clioRejects = false;
    await handle.executeUpdate(m.clioAuthorizedUpdate, { args: [{ credentialVersion: 2, region: 'us', clioUser: null }] });
    await env.sleep(5_000);
    const afterCatchUp = await handle.describe();
    runIds.push({ workflowId: handle.workflowId, runId: afterCatchUp.runId, file: 'integration-disconnect.binpb' });
    await handle.executeUpdate(m.disconnectUpdate, { args: [{}] });
    await handle.result();
    const fullSync = recorder.calls.find((call) => call.name === 'syncMatterPage');
    const syncRunId = (fullSync?.args[0] as { syncRunId: string }).syncRunId;
    runIds.push({ workflowId: `sync-clio-${firmId}-${syncRunId}`, runId: '', file: 'sync-matters-full.binpb' });

    // An Active firm whose sync queued a client update: the pass when the update falls due,
    // deactivation withdrawing queued updates, then a night with its pre-flight check, the
    // nightly sync and the dispatch pass after it.
    // It starts at 10:00 firm time, so the update falls due before the night's pre-flight check.
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: 'America/New_York' });
    const tenOClock = now.plus({ days: now.hour < 10 ? 0 : 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    await env.sleep(tenOClock.toMillis() - now.toMillis());
    const notifying = await startFirm(NOTIFYING_FIRM);
    await notifying.executeUpdate(m.activateUpdate, { args: [{}] });
    await notifying.executeUpdate(m.syncAllUpdate, { args: [{ mode: 'full' }] });
    await env.sleep(5_000);
    const afterSync = await notifying.describe();
    runIds.push({ workflowId: notifying.workflowId, runId: afterSync.runId, file: 'integration-notification-dispatch.binpb' });
    await env.sleep(4 * HOUR_MS);
    await notifying.executeUpdate(m.deactivateUpdate, { args: [{}] });
    await notifying.executeUpdate(m.activateUpdate, { args: [{}] });
    await env.sleep(26 * HOUR_MS);
    await notifying.terminate('recorded');

    // An Active firm whose credentials Clio rejects in the pre-flight check: it pauses and alerts its admins.
    const preflight = await startFirm(PREFLIGHT_FIRM);
    await preflight.executeUpdate(m.activateUpdate, { args: [{}] });
    runIds.push({ workflowId: preflight.workflowId, runId: preflight.signaledRunId, file: 'integration-preflight-alert.binpb' });
    await env.sleep(26 * HOUR_MS);
    const paused = await preflight.query(m.statusQuery);
    if (paused.status !== 'reauthorization_required') {
      throw new Error(`The pre-flight firm should wait for reauthorization, but its status is ${paused.status}`);
    }
    await preflight.terminate('recorded');
  });
  for (const { workflowId, runId, file } of runIds) {
    const history = await env.client.workflow.getHandle(workflowId, runId || undefined).fetchHistory();
    // Binary protobuf, because the SDK's JSON converter rejects histories from another protobufjs copy.
    writeFileSync(path.join(dir, file), temporal.api.history.v1.History.encode(history).finish());
    console.log(`recorded ${file}: ${history.events?.length ?? 0} events`);
  }
  await env.teardown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
