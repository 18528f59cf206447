import type { Account } from './account';

/**
 * Returns the description of the matter at `index`: the one given when it was added, or for a
 * generated matter a description of its practice area followed by the client's generated name.
 */
export function matterDescription(account: Account, index: number): string {
  const labels = account.matters.labelsAt(index);
  if (labels) return labels.description;
  const area = account.practiceAreas[account.matters.practiceArea[index]];
  const descriptions = area?.descriptions ?? ['General matter'];
  const template = descriptions[account.matters.descriptionTemplate[index] % descriptions.length];
  return `${template} for ${account.contacts.generatedAt(account.matters.client[index]).name}`;
}

/**
 * Returns the display number of the matter at `index`: its number padded to five digits, then the
 * client's last name or company name. Generated matters use the client's generated name, so a
 * contact edit does not change a matter without changing its etag.
 */
export function matterDisplayNumber(account: Account, index: number): string {
  const labels = account.matters.labelsAt(index);
  if (labels) return labels.displayNumber;
  return displayNumberFor(index + 1, account.contacts.generatedAt(account.matters.client[index]));
}

/** Builds a display number such as `00042-Okafor` from a matter number and its client. */
export function displayNumberFor(matterNumber: number, client: { name: string; lastName: string | null }): string {
  return `${String(matterNumber).padStart(5, '0')}-${client.lastName ?? client.name}`;
}
