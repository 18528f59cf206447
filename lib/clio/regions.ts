import type { Config } from '../config';
import type { ClioRegion } from '../integration-status';

/** Returns the base URL (scheme and host, no path to the API) of a Clio region. */
export function regionBaseUrl(config: Pick<Config, 'CLIO_BASE_URL_US' | 'CLIO_BASE_URL_EU' | 'CLIO_BASE_URL_CA' | 'CLIO_BASE_URL_AU'>, region: ClioRegion): string {
  const byRegion: Record<ClioRegion, string> = {
    us: config.CLIO_BASE_URL_US,
    eu: config.CLIO_BASE_URL_EU,
    ca: config.CLIO_BASE_URL_CA,
    au: config.CLIO_BASE_URL_AU,
  };
  return byRegion[region].replace(/\/+$/, '');
}
