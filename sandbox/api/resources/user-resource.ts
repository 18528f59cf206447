import type { UserRecord } from '../../data/account';
import { computeEtag, formatTimestamp } from '../../data/format';
import type { ResourceType } from '../resource-type';

/** Returns a user's etag, which changes whenever the user's updated_at does. */
export function userEtag(user: UserRecord): string {
  return computeEtag('User', user.id, user.updatedAt);
}

/** The User fields the sandbox serves, from Clio's User schema. */
export const userResource: ResourceType<UserRecord> = {
  name: 'User',
  fields: {
    id: (user) => user.id,
    etag: userEtag,
    name: (user) => `${user.firstName} ${user.lastName}`,
    first_name: (user) => user.firstName,
    last_name: (user) => user.lastName,
    initials: (user) => `${user.firstName[0] ?? ''}${user.lastName[0] ?? ''}`,
    email: (user) => user.email,
    enabled: (user) => user.enabled,
    subscription_type: (user) => user.subscriptionType,
    time_zone: (user) => user.timeZone,
    account_owner: (user) => user.accountOwner,
    created_at: (user) => formatTimestamp(user.createdAt),
    updated_at: (user) => formatTimestamp(user.updatedAt),
  },
};
