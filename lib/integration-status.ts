/**
 * Integration states and the words the Clio tile shows for each. Pure data: the workflow
 * sandbox imports this file, so it must stay free of Node built-ins and I/O.
 */
export const INTEGRATION_STATUSES = ['not_connected', 'connected_inactive', 'active', 'reauthorization_required'] as const;

export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

/** The states a firm can return to after reconnecting. */
export type ConnectedStatus = 'connected_inactive' | 'active';

/** Tile label per state, as a firm admin reads it in Company Settings. */
export const STATUS_LABELS: Record<IntegrationStatus, string> = {
  not_connected: 'Not connected',
  connected_inactive: 'Connected, Inactive',
  active: 'Active',
  reauthorization_required: 'Reauthorization required',
};

export const CLIO_REGIONS = ['us', 'eu', 'ca', 'au'] as const;

/** A Clio data region; UK firms are on the EU region. */
export type ClioRegion = (typeof CLIO_REGIONS)[number];

/** Builds the integration workflow id for a firm; one workflow per firm and provider. */
export function integrationWorkflowId(firmId: string): string {
  return `integration-clio-${firmId}`;
}
