import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ClioRegion, ConnectedStatus, IntegrationStatus } from '../lib/integration-status';

/**
 * Messages of the integration workflow. Each operation exists as a Signal, so operators can send
 * it from the Temporal CLI or Web UI, and as an Update of the same name, whose validator gives
 * the API a clear rejection. One handler serves both.
 */

/** The firm (re)connected Clio; the tokens themselves are in the credentials store, never here. */
export interface ClioAuthorizedInput {
  credentialVersion: number;
  region: ClioRegion;
  clioUser: { id: number; name: string } | null;
}

/** Requester of an operation, kept for the audit trail in workflow history. */
export interface Requester {
  requestedBy?: string;
}

export interface SyncProjectInput extends Requester {
  /** Clio matter id of the project to sync. */
  matterId: number;
}

/** Result of a sync request: the run that will serve it. */
export interface SyncAccepted {
  syncRunId: string;
  /** True when the request joined a run that was already queued or running. */
  joined: boolean;
}

/**
 * What a sync run does. full: every matter, then archive projects whose matter is gone.
 * incremental: matters updated since the last successful run. reconcile: matter ids only, to
 * archive and restore projects. project: one matter. rederive: every project mapped again from
 * its stored Clio snapshot after the mapping changed, without a Clio request.
 */
export type SyncKind = 'full' | 'incremental' | 'reconcile' | 'project' | 'rederive';

/** Input of a sync-all request. Without a mode, the run is incremental once a first sync has completed. */
export interface SyncAllInput extends Requester {
  mode?: 'full' | 'incremental' | 'reconcile';
}

/** Live progress of a running sync, reported by the sync after each page. */
export interface SyncProgress {
  syncRunId: string;
  pages: number;
  records: number;
  /** Total Clio reported for the listing, when it reports one. */
  expectedRecords: number | null;
}
export type SyncTrigger = 'nightly' | 'manual' | 'catch_up' | 'mapping_changed';

/** The firm saved a new mapping; the workflow re-derives every project from its stored Clio snapshot. */
export interface MappingChangedInput extends Requester {
  /** Version of the saved mapping, for the audit trail; the re-derive reads the latest one when it runs. */
  mappingVersion?: number;
}

/** A sync waiting to run or running. */
export interface SyncRequest {
  syncRunId: string;
  kind: SyncKind;
  trigger: SyncTrigger;
  matterId: number | null;
}

/** State of one firm's integration, as the status query returns it. */
export interface IntegrationState {
  firmId: string;
  status: IntegrationStatus;
  statusBeforeReauthorization: ConnectedStatus | null;
  region: ClioRegion | null;
  clioUser: { id: number; name: string } | null;
  credentialVersion: number;
  lastSyncAt: string | null;
  lastSyncRunId: string | null;
  nextSyncAt: string | null;
  currentSync: SyncRequest | null;
  currentProgress: SyncProgress | null;
  queuedSyncs: SyncRequest[];
  /** Start time of the last successful full or incremental run; the next incremental run reads from it. */
  watermark: string | null;
  /** Finish time of the last run that compared Clio's matter ids with the projects. */
  lastReconciledAt: string | null;
  /** Grows with every transition, so the read model never takes an older state over a newer one. */
  revision: number;
  /**
   * ISO time the next notification dispatch pass is due, as the last pass reported it. Null when
   * nothing waits, and absent from states carried by runs from before client notifications.
   */
  nextDispatchAt?: string | null;
  /** ISO time of the nightly run whose pre-flight credential check has run. Absent like nextDispatchAt. */
  preflightCheckedFor?: string | null;
}

export const clioAuthorizedSignal = defineSignal<[ClioAuthorizedInput]>('clioAuthorized');
export const activateSignal = defineSignal<[Requester?]>('activate');
export const deactivateSignal = defineSignal<[Requester?]>('deactivate');
export const syncProjectSignal = defineSignal<[SyncProjectInput]>('syncProject');
export const syncAllSignal = defineSignal<[SyncAllInput?]>('syncAll');
/** Sent by a running sync to its integration workflow after each page. */
export const syncProgressSignal = defineSignal<[SyncProgress]>('syncProgress');
export const disconnectSignal = defineSignal<[Requester?]>('disconnect');
export const mappingChangedSignal = defineSignal<[MappingChangedInput?]>('mappingChanged');

export const clioAuthorizedUpdate = defineUpdate<IntegrationState, [ClioAuthorizedInput]>('clioAuthorized');
export const activateUpdate = defineUpdate<IntegrationState, [Requester]>('activate');
export const deactivateUpdate = defineUpdate<IntegrationState, [Requester]>('deactivate');
export const syncProjectUpdate = defineUpdate<SyncAccepted, [SyncProjectInput]>('syncProject');
export const syncAllUpdate = defineUpdate<SyncAccepted, [SyncAllInput]>('syncAll');
export const disconnectUpdate = defineUpdate<IntegrationState, [Requester]>('disconnect');
export const mappingChangedUpdate = defineUpdate<SyncAccepted, [MappingChangedInput]>('mappingChanged');

export const statusQuery = defineQuery<IntegrationState>('status');

/** Input of the integration workflow; `carried` is set when it continues as new. */
export interface IntegrationWorkflowInput {
  firmId: string;
  carried?: IntegrationState;
}
