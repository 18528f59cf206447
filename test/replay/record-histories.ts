import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { FAILURE_TYPES } from '../../lib/failure-types';
import { integrationWorkflowId } from '../../lib/integration-status';
import * as m from '../../workflows/messages';
import { createRecordingActivities } from '../support/recording-activities';
import { createTimeSkippingEnv, workflowBundle } from '../support/temporal-env';

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
  mkdirSync(dir, { recursive: true });
  let clioRejects = false;
  const recorder = createRecordingActivities({
    timeZone: 'America/New_York',
    pages: 3,
    clioFailure: () => (clioRejects ? ApplicationFailure.create({ type: FAILURE_TYPES.reauthorizationRequired, message: 'Clio refused the refresh token', nonRetryable: true }) : null),
  });
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record', workflowBundle: await workflowBundle(), activities: recorder.activities });
  const runIds: { workflowId: string; runId: string; file: string }[] = [];
  await worker.runUntil(async () => {
    const firmId = 'replay-firm';
    const handle = await env.client.workflow.signalWithStart('integrationWorkflow', {
      workflowId: integrationWorkflowId(firmId),
      taskQueue: 'record',
      args: [{ firmId }],
      signal: m.clioAuthorizedSignal,
      signalArgs: [{ credentialVersion: 1, region: 'us', clioUser: { id: 1, name: 'Avery Lawson' } }],
    });
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
