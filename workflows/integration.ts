import {
  CancellationScope, allHandlersFinished, condition, continueAsNew, executeChild, log,
  patched, proxyActivities, setHandler, uuid4, workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { FAILURE_TYPES } from '../lib/failure-types';
import { integrationWorkflowId } from '../lib/integration-status';
import type { AdminAlertKind } from '../lib/models/notification';
import { ADMIN_ALERT, BOOKKEEPING, CLIO_CALL, CREDENTIAL_CHECK, DISPATCH, REDERIVE } from './activity-options';
import { isCancellation, rootApplicationFailure } from './failures';
import * as rules from './integration-rules';
import * as m from './messages';
import { NIGHTLY_LOCAL_TIME, firmJitterSeconds, nextNightlyRun } from './nightly-schedule';
import { FIRM_ID, PROVIDER, publishSearchAttributes } from './search-attributes';
import { syncMattersWorkflow } from './sync-matters';

const bookkeeping = proxyActivities<Activities>(BOOKKEEPING);
const clio = proxyActivities<Activities>(CLIO_CALL);
const { rederiveProjects } = proxyActivities<Activities>(REDERIVE);
const { checkClioCredentials } = proxyActivities<Activities>(CREDENTIAL_CHECK);
const { dispatchDueNotifications } = proxyActivities<Activities>(DISPATCH);
const { sendAdminAlert } = proxyActivities<Activities>(ADMIN_ALERT);

type SyncOutcome = 'completed' | 'failed' | 'reauthorization_required' | 'cancelled';

/** An incremental run reads from this long before the last run started, to cover clock skew with Clio. */
const WATERMARK_OVERLAP_MS = 10 * 60 * 1000;

/** The pre-flight credential check runs this long before each nightly run, so a revoked grant is reported before the run. */
const PREFLIGHT_LEAD_MS = 60 * 60 * 1000;

/** Minimum wait between two dispatch passes, unless a pass stopped at its size limit, so an update that cannot go out yet never spins the loop. */
const MIN_DISPATCH_INTERVAL_MS = 60 * 1000;

/** Wait before the next dispatch pass after one failed on every attempt. */
const DISPATCH_RETRY_MS = 15 * 60 * 1000;

/** Maximum delivery tries of one admin alert that the SMTP server deferred. The outbox marks the alert failed after as many passes. */
const MAX_ALERT_TRIES = 5;

/**
 * Ids of the patches that added client notifications. Histories recorded before them replay
 * without the commands they add, so workflows that were running when they shipped keep going.
 */
const PATCHES = {
  /** Dispatch passes after each sync and when the outbox's next update falls due, while Active. */
  dispatch: 'dispatch-client-updates',
  /** The credential check an hour before each nightly run. */
  preflight: 'preflight-credential-check',
  /** The email to the firm's admins when the integration pauses for reauthorization. */
  alertAdmins: 'alert-admins-on-reauthorization',
  /** Withdrawing queued client updates on deactivation and disconnect. */
  withdrawUpdates: 'withdraw-queued-updates-when-inactive',
} as const;

/**
 * Runs one firm's Clio integration, from the first connection to disconnect. It waits for messages,
 * runs the nightly sync while Active, serves manual sync requests one at a time, and pauses
 * when Clio rejects the firm's credentials until the firm reconnects.
 */
export async function integrationWorkflow(input: m.IntegrationWorkflowInput): Promise<void> {
  const state: m.IntegrationState = input.carried ?? rules.initialState(input.firmId);
  const firmId = state.firmId;
  /** Requests whose sync run record is still being written; they count for joining only. */
  const recording: m.SyncRequest[] = [];
  let changes = 0;
  let disconnectRequested = false;
  let disconnected = false;
  let runningSync: CancellationScope | null = null;
  let published = '';
  let lastWrite: Promise<void> = Promise.resolve();
  /** Loaded once the handlers are set; null until then. */
  let timeZone: string | null = null;
  const jitterSeconds = firmJitterSeconds(firmId);

  const changed = () => { changes += 1; };
  /**
   * Sets the next nightly run from the status, so every published state shows the time that goes
   * with it. Handlers call it behind a patch: before it, the loop alone set the time, publishing
   * a second time, and histories recorded then replay that way.
   */
  const scheduleNightly = (): Date | null => {
    const nightlyAt = state.status === 'active' && timeZone ? nextNightlyRun(new Date(), timeZone, NIGHTLY_LOCAL_TIME, jitterSeconds) : null;
    state.nextSyncAt = nightlyAt?.toISOString() ?? null;
    return nightlyAt;
  };
  const scheduleNightlyBeforePublish = (): void => {
    if (patched('publish-next-sync-with-status')) {
      scheduleNightly();
    }
  };

  // One function per operation serves the Signal and the Update of the same name.
  // State changes are published before the handler returns, so a caller that reads the read model next finds them there.
  const onClioAuthorized = async (authorized: m.ClioAuthorizedInput): Promise<m.IntegrationState> => {
    state.credentialVersion = Math.max(state.credentialVersion, authorized.credentialVersion);
    state.region = authorized.region;
    state.clioUser = authorized.clioUser ?? state.clioUser;
    if (state.status === 'not_connected') {
      state.status = 'connected_inactive';
    } else if (state.status === 'reauthorization_required') {
      state.status = state.statusBeforeReauthorization ?? 'connected_inactive';
      state.statusBeforeReauthorization = null;
      queueCatchUp();
    }
    scheduleNightlyBeforePublish();
    changed();
    await publish();
    return state;
  };
  const onStaffToggle = (target: 'active' | 'connected_inactive') => async (_requester?: m.Requester): Promise<m.IntegrationState> => {
    if (state.status === 'reauthorization_required') {
      state.statusBeforeReauthorization = target;
    } else {
      state.status = target;
    }
    scheduleNightlyBeforePublish();
    changed();
    await publish();
    // Histories recorded before this patch deactivated without touching the outbox.
    if (target === 'connected_inactive' && patched(PATCHES.withdrawUpdates)) {
      await bookkeeping.withdrawQueuedNotifications({ firmId, reason: 'integration_deactivated' });
    }
    return state;
  };
  const onSyncAll = (input?: m.SyncAllInput): Promise<m.SyncAccepted> => requestSync(rules.syncAllKind(state, input), 'manual', null);
  const onSyncProject = (request: m.SyncProjectInput): Promise<m.SyncAccepted> => requestSync('project', 'manual', request.matterId);
  const onMappingChanged = (_input?: m.MappingChangedInput): Promise<m.SyncAccepted> => requestSync('rederive', 'mapping_changed', null);
  // Returns once the grant is revoked and the state is Not connected, so the caller gets the result.
  const onDisconnect = async (_requester?: m.Requester): Promise<m.IntegrationState> => {
    disconnectRequested = true;
    runningSync?.cancel();
    changed();
    // Histories recorded before this patch completed the Update at once; they replay that way.
    if (patched('disconnect-answers-after-revocation')) {
      await condition(() => disconnected);
    }
    return state;
  };

  // Signals are fire-and-forget, so an invalid one is logged and dropped instead of failing the workflow.
  // They are registered before the Updates: messages that arrived with the start are delivered in
  // registration order, and a buffered clioAuthorized Signal must apply before a buffered Update.
  setHandler(m.clioAuthorizedSignal, (authorized) => guarded('clioAuthorized', () => rules.validateClioAuthorized(state, authorized), () => onClioAuthorized(authorized)));
  setHandler(m.activateSignal, () => guarded('activate', () => rules.validateStaffToggle(state), onStaffToggle('active')));
  setHandler(m.deactivateSignal, () => guarded('deactivate', () => rules.validateStaffToggle(state), onStaffToggle('connected_inactive')));
  setHandler(m.syncAllSignal, (input) => guarded('syncAll', () => rules.validateSyncAll(state, input), () => onSyncAll(input)));
  setHandler(m.syncProgressSignal, (progress) => {
    if (state.currentSync?.syncRunId === progress.syncRunId) {
      state.currentProgress = progress;
    }
  });
  setHandler(m.syncProjectSignal, (request) => guarded('syncProject', () => rules.validateSyncProject(state, request), () => onSyncProject(request)));
  setHandler(m.mappingChangedSignal, (input) => guarded('mappingChanged', () => rules.validateMappingChanged(state, input), () => onMappingChanged(input)));
  setHandler(m.disconnectSignal, (requester?: m.Requester) => guarded('disconnect', () => undefined, () => onDisconnect(requester)));

  setHandler(m.statusQuery, () => state);
  setHandler(m.clioAuthorizedUpdate, onClioAuthorized, { validator: (authorized) => rules.validateClioAuthorized(state, authorized) });
  setHandler(m.activateUpdate, onStaffToggle('active'), { validator: (_requester: m.Requester) => rules.validateStaffToggle(state) });
  setHandler(m.deactivateUpdate, onStaffToggle('connected_inactive'), { validator: (_requester: m.Requester) => rules.validateStaffToggle(state) });
  setHandler(m.syncAllUpdate, onSyncAll, { validator: (input) => rules.validateSyncAll(state, input) });
  setHandler(m.syncProjectUpdate, onSyncProject, { validator: (request) => rules.validateSyncProject(state, request) });
  setHandler(m.mappingChangedUpdate, onMappingChanged, { validator: (input) => rules.validateMappingChanged(state, input) });
  setHandler(m.disconnectUpdate, onDisconnect);

  function guarded(name: string, validate: () => void, apply: () => unknown): void {
    try {
      validate();
    } catch (error) {
      log.warn('Ignored an invalid signal', { signal: name, firmId, reason: (error as Error).message });
      return;
    }
    const result = apply();
    if (result instanceof Promise) {
      result.catch((error: unknown) => log.error('Signal handler failed', { signal: name, firmId, error: (error as Error).message }));
    }
  }

  async function requestSync(kind: m.SyncKind, trigger: m.SyncTrigger, matterId: number | null): Promise<m.SyncAccepted> {
    const same = (request: m.SyncRequest | null) => request !== null && request.kind === kind && request.matterId === matterId;
    // A running re-derive may have read the mapping before this change, so a new request joins only a queued one.
    const joinable = kind === 'rederive' ? [...state.queuedSyncs, ...recording] : [state.currentSync, ...state.queuedSyncs, ...recording];
    const existing = joinable.find(same);
    if (existing) {
      return { syncRunId: existing.syncRunId, joined: true };
    }
    const request: m.SyncRequest = { syncRunId: uuid4(), kind, trigger, matterId };
    recording.push(request);
    try {
      await bookkeeping.recordSyncRequest(firmId, request);
    } finally {
      recording.splice(recording.indexOf(request), 1);
    }
    state.queuedSyncs.push(request);
    changed();
    return { syncRunId: request.syncRunId, joined: false };
  }

  function queueCatchUp(): void {
    const queuedFull = state.queuedSyncs.findIndex((request) => request.kind === 'full');
    if (queuedFull >= 0) {
      // A full sync already waits; running it first catches up on everything missed.
      const [full] = state.queuedSyncs.splice(queuedFull, 1);
      state.queuedSyncs.unshift(full);
      return;
    }
    const kind = rules.syncAllKind(state);
    const request: m.SyncRequest = { syncRunId: uuid4(), kind, trigger: 'catch_up', matterId: null };
    recording.push(request);
    bookkeeping.recordSyncRequest(firmId, request)
      .then(() => { state.queuedSyncs.unshift(request); changed(); })
      .catch((error: unknown) => log.error('Could not record the catch-up sync', { firmId, error: (error as Error).message }))
      .finally(() => recording.splice(recording.indexOf(request), 1));
  }

  /**
   * Writes the read model and search attributes when the state changed; waits for a write
   * already under way otherwise. The notification schedule is not part of the read model.
   */
  async function publish(): Promise<void> {
    const { revision: _revision, nextDispatchAt: _nextDispatchAt, preflightCheckedFor: _preflightCheckedFor, ...visible } = state;
    const snapshot = JSON.stringify(visible);
    if (snapshot === published) {
      await lastWrite;
      return;
    }
    published = snapshot;
    state.revision += 1;
    publishSearchAttributes(state);
    lastWrite = bookkeeping.saveIntegrationState({ ...state, workflowStartedAt: workflowInfo().startTime.toISOString() });
    await lastWrite;
  }

  async function runSync(request: m.SyncRequest): Promise<SyncOutcome> {
    const scope = new CancellationScope();
    runningSync = scope;
    try {
      const startedAt = new Date();
      const updatedSince = request.kind === 'incremental' && state.watermark
        ? new Date(new Date(state.watermark).getTime() - WATERMARK_OVERLAP_MS).toISOString()
        : null;
      await bookkeeping.startSyncRun(request.syncRunId, updatedSince);
      if (request.kind === 'project') {
        // Before the first import has finished, the matter is one of the firm's existing cases.
        const importing = state.watermark === null;
        await scope.run(() => clio.syncProject({ firmId, syncRunId: request.syncRunId, matterId: request.matterId as number, ...(importing ? { importing } : {}) }));
      } else if (request.kind === 'rederive') {
        await scope.run(() => rederiveProjects(firmId, request.syncRunId));
      } else {
        const kind = request.kind;
        // Until a sync over all matters has finished, a full sync imports the firm's cases.
        const importing = kind === 'full' && state.watermark === null;
        await scope.run(() => executeChild(syncMattersWorkflow, {
          workflowId: `sync-clio-${firmId}-${request.syncRunId}`,
          args: [{ firmId, syncRunId: request.syncRunId, kind, updatedSince, parentWorkflowId: workflowInfo().workflowId, ...(importing ? { importing } : {}) }],
          typedSearchAttributes: [{ key: FIRM_ID, value: firmId }, { key: PROVIDER, value: 'clio' }],
        }));
        if (kind !== 'reconcile') {
          state.watermark = startedAt.toISOString();
        }
        if (kind !== 'incremental') {
          state.lastReconciledAt = new Date().toISOString();
        }
      }
      const finishedAt = await bookkeeping.finishSyncRun(request.syncRunId, { state: 'completed' });
      // The tile's last sync is the last run over all matters; one project's sync and a re-derive,
      // which reads nothing from Clio, do not count.
      if (request.kind !== 'project' && request.kind !== 'rederive') {
        state.lastSyncAt = finishedAt;
      }
      state.lastSyncRunId = request.syncRunId;
      return 'completed';
    } catch (error) {
      const cancelled = isCancellation(error);
      const failure = rootApplicationFailure(error);
      const message = cancelled ? 'Cancelled because the firm disconnected Clio' : failure?.message ?? (error as Error).message;
      await CancellationScope.nonCancellable(() => bookkeeping.finishSyncRun(request.syncRunId, { state: 'failed', error: message }));
      log.warn('Sync run failed', { firmId, syncRunId: request.syncRunId, failureType: failure?.type, message });
      if (cancelled) {
        return 'cancelled';
      }
      return failure?.type === FAILURE_TYPES.reauthorizationRequired ? 'reauthorization_required' : 'failed';
    } finally {
      runningSync = null;
    }
  }

  /** Pauses the integration until the firm reconnects, remembering the state to return to. */
  function pauseForReauthorization(): void {
    state.statusBeforeReauthorization = state.status as 'active' | 'connected_inactive';
    state.status = 'reauthorization_required';
  }

  /**
   * Emails the firm's admins that syncing stopped, once per connection and credential version:
   * a later night with the same rejected credentials finds the alert recorded and sends nothing.
   * The first run id of the workflow, which continues as new but ends on disconnect, names the
   * connection, because the credential version counts from 1 again after a disconnect. A delivery
   * the SMTP server deferred is tried again at the time the outbox sets, until the firm
   * reconnects or disconnects. A dispatch pass suppresses an alert still queued by then.
   */
  async function alertAdmins(kind: AdminAlertKind): Promise<void> {
    const input = { firmId, kind, dedupeKey: `connection-${workflowInfo().firstExecutionRunId}-credential-version-${state.credentialVersion}` };
    for (let tries = 1; tries <= MAX_ALERT_TRIES; tries++) {
      let retryAt: string | undefined;
      try {
        ({ retryAt } = await sendAdminAlert(input));
      } catch (error) {
        log.error('Sending the admin alert failed', { firmId, kind, error: (error as Error).message });
        return;
      }
      if (!retryAt) {
        return;
      }
      const resolved = () => state.status !== 'reauthorization_required' || disconnectRequested;
      if (await condition(resolved, Math.max(1, new Date(retryAt).getTime() - Date.now()))) {
        return;
      }
    }
  }

  /**
   * Checks that Clio still accepts the firm's credentials an hour before the nightly run. A
   * rejection pauses the integration and alerts the admins at once, before the run would fail.
   * Any other failure is logged and left to the nightly run, which retries on its own.
   */
  async function checkCredentialsBeforeNightly(nightlyAt: Date): Promise<void> {
    state.preflightCheckedFor = nightlyAt.toISOString();
    try {
      await checkClioCredentials(firmId);
      return;
    } catch (error) {
      const failure = rootApplicationFailure(error);
      if (failure?.type !== FAILURE_TYPES.reauthorizationRequired) {
        log.warn('Pre-flight credential check failed, so the nightly run goes ahead with its own retries', { firmId, failureType: failure?.type, message: failure?.message ?? (error as Error).message });
        return;
      }
    }
    if (disconnectRequested || state.status === 'reauthorization_required' || state.status === 'not_connected') {
      return;
    }
    log.warn('Clio rejected the credentials in the pre-flight check, so the integration pauses until the firm reconnects', { firmId, credentialVersion: state.credentialVersion });
    pauseForReauthorization();
    scheduleNightly();
    await publish();
    await alertAdmins('preflight_failed');
  }

  /** Runs one dispatch pass and keeps the time the next one is due. A pass that failed on every attempt is tried again later. */
  async function dispatchClientUpdates(): Promise<void> {
    try {
      const result = await dispatchDueNotifications({ firmId });
      const earliest = Date.now() + (result.more ? 0 : MIN_DISPATCH_INTERVAL_MS);
      state.nextDispatchAt = result.nextDueAt === null ? null : new Date(Math.max(new Date(result.nextDueAt).getTime(), earliest)).toISOString();
    } catch (error) {
      state.nextDispatchAt = new Date(Date.now() + DISPATCH_RETRY_MS).toISOString();
      log.warn('Notification dispatch failed, so the next pass tries again at nextDispatchAt', { firmId, nextDispatchAt: state.nextDispatchAt, error: (error as Error).message });
    }
  }

  async function continueAfterHandlers(): Promise<never> {
    await condition(allHandlersFinished);
    return continueAsNew<typeof integrationWorkflow>({ firmId, carried: state });
  }

  timeZone = await bookkeeping.getFirmTimeZone(firmId);
  log.info('Integration workflow running', { firmId, workflowId: integrationWorkflowId(firmId), status: state.status });

  for (;;) {
    if (disconnectRequested) {
      await bookkeeping.disconnectClio(firmId);
      if (patched(PATCHES.withdrawUpdates)) {
        await bookkeeping.withdrawQueuedNotifications({ firmId, reason: 'integration_disconnected' });
      }
      Object.assign(state, rules.initialState(firmId), { revision: state.revision, lastSyncAt: state.lastSyncAt, lastSyncRunId: state.lastSyncRunId });
      await publish();
      disconnected = true;
      await condition(allHandlersFinished);
      return;
    }

    const canSync = state.status === 'active' || state.status === 'connected_inactive';
    if (canSync && state.queuedSyncs.length > 0) {
      const request = state.queuedSyncs.shift() as m.SyncRequest;
      state.currentSync = request;
      await publish();
      const outcome = await runSync(request);
      state.currentSync = null;
      state.currentProgress = null;
      const paused = outcome === 'reauthorization_required' && state.status !== 'reauthorization_required';
      if (paused) {
        pauseForReauthorization();
      }
      scheduleNightlyBeforePublish();
      await publish();
      if (paused && patched(PATCHES.alertAdmins)) {
        await alertAdmins('reauthorization_required');
      }
      if (outcome !== 'cancelled' && state.status === 'active' && !disconnectRequested && patched(PATCHES.dispatch)) {
        await dispatchClientUpdates();
      }
      if (outcome !== 'cancelled') {
        await continueAfterHandlers();
      }
      continue;
    }

    // Taken before publish(), because a message handled while publish() waits must still wake us.
    const seen = changes;
    const nightlyAt = scheduleNightly();
    await publish();
    const wake = () => changes !== seen || disconnectRequested;
    if (nightlyAt && patched(PATCHES.preflight)) {
      // While Active the workflow also wakes for the pre-flight check and for due client updates.
      const preflightAt = nightlyAt.getTime() - PREFLIGHT_LEAD_MS;
      const preflightDone = state.preflightCheckedFor === nightlyAt.toISOString();
      if (!preflightDone && Date.now() >= preflightAt) {
        await checkCredentialsBeforeNightly(nightlyAt);
        continue;
      }
      const dispatchAt = state.nextDispatchAt && patched(PATCHES.dispatch) ? new Date(state.nextDispatchAt).getTime() : null;
      if (dispatchAt !== null && Date.now() >= dispatchAt) {
        await dispatchClientUpdates();
        continue;
      }
      const wakeAt = Math.min(nightlyAt.getTime(), preflightDone ? Infinity : preflightAt, dispatchAt ?? Infinity);
      const woken = await condition(wake, Math.max(1, wakeAt - Date.now()));
      if (!woken && state.status === 'active' && Date.now() >= nightlyAt.getTime()) {
        await requestSync(rules.nightlyKind(state, new Date()), 'nightly', null);
      }
    } else if (nightlyAt) {
      const woken = await condition(wake, Math.max(1, nightlyAt.getTime() - Date.now()));
      if (!woken && state.status === 'active') {
        await requestSync(rules.nightlyKind(state, new Date()), 'nightly', null);
      }
    } else {
      await condition(wake);
    }
    if (workflowInfo().continueAsNewSuggested) {
      await continueAfterHandlers();
    }
  }
}
