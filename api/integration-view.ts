import { STATUS_LABELS, type ClioRegion, type IntegrationStatus } from '../lib/integration-status';
import { Integration } from '../lib/models';

/** A firm's Clio integration as the API returns it and the settings page shows it. */
export interface IntegrationView {
  status: IntegrationStatus;
  label: string;
  region: ClioRegion | null;
  clioUser: { id: number; name: string } | null;
  lastSyncAt: string | null;
  nextSyncAt: string | null;
  statusBeforeReauthorization: IntegrationStatus | null;
  message: string | null;
}

/** Tile message returned while the firm must reconnect. The settings page shows the same sentence. */
export const REAUTHORIZATION_MESSAGE = 'Syncing has stopped because Clio no longer accepts CaseBridge\'s access. Reconnect to resume.';

function isoOrNull(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

/** Reads a firm's integration from the read model; a firm without one is `not_connected`. */
export async function loadIntegrationView(firmId: string): Promise<IntegrationView> {
  const doc = await Integration.findOne({ firmId, provider: 'clio' }).lean();
  const status = (doc?.status ?? 'not_connected') as IntegrationStatus;
  const clioUser = doc?.clioUser && typeof doc.clioUser.id === 'number' ? { id: doc.clioUser.id, name: doc.clioUser.name ?? '' } : null;
  return {
    status,
    label: STATUS_LABELS[status],
    region: (doc?.region ?? null) as ClioRegion | null,
    clioUser,
    lastSyncAt: isoOrNull(doc?.lastSyncAt),
    nextSyncAt: isoOrNull(doc?.nextSyncAt),
    statusBeforeReauthorization: (doc?.statusBeforeReauthorization ?? null) as IntegrationStatus | null,
    message: doc?.message ?? (status === 'reauthorization_required' ? REAUTHORIZATION_MESSAGE : null),
  };
}

/** Status and last sync of one firm's integration, for the staff console. */
export interface IntegrationSummary {
  status: IntegrationStatus;
  lastSyncAt: Date | null;
}

/** Returns the integration summary of each firm in `firmIds`, by firm id; firms without an integration are absent. */
export async function loadIntegrationSummaries(firmIds: string[]): Promise<Map<string, IntegrationSummary>> {
  const docs = await Integration.find({ firmId: { $in: firmIds }, provider: 'clio' }, { firmId: 1, status: 1, lastSyncAt: 1 }).lean();
  return new Map(docs.map((doc) => [doc.firmId, { status: doc.status as IntegrationStatus, lastSyncAt: doc.lastSyncAt ?? null }]));
}
