/** Clio data regions. Each region has its own OAuth server and API, served here under `/{region}`. */
export const REGIONS = ['us', 'eu', 'ca', 'au'] as const;

/** One Clio data region: US `app.clio.com`, EU, Canada or Australia. */
export type Region = (typeof REGIONS)[number];

/** Returns whether `value` names one of the four Clio regions. */
export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}
