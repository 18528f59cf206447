import type { ClioOptions } from '../../../../../../lib/mapping';
import { ERROR_CATALOGUE } from '../../../../../errors';
import type { GatewayResult, IntegrationGateway } from '../../../../../integration-gateway';
import { loadIntegrationView } from '../../../../../integration-view';

/**
 * Reads the firm's live Clio options through the worker. A firm that is not connected, or whose
 * authorization Clio no longer accepts, is rejected from the read model without reaching Clio.
 */
export async function loadClioOptions(integrations: IntegrationGateway, firmId: string): Promise<GatewayResult<ClioOptions>> {
  const { status } = await loadIntegrationView(firmId);
  if (status === 'not_connected') {
    return { ok: false, rejection: { code: 'clio_not_connected', message: 'Connect Clio first: the mapping refers to practice areas, stages and custom fields read from the firm\'s Clio account.' } };
  }
  if (status === 'reauthorization_required') {
    return { ok: false, rejection: { code: 'reauthorization_required', message: ERROR_CATALOGUE.reauthorization_required.message } };
  }
  return integrations.fetchClioOptions(firmId);
}
