/**
 * Who sent an activity, by the contract in DESIGN.md: the tenant is `channelData.tenant.id` (or
 * `conversation.tenantId`), the user `from.aadObjectId`. Activities are untrusted JSON even after
 * authentication (the channel relays what clients send), so every field is checked for its type.
 */

export interface ActivityIdentity {
  readonly tenantId: string;
  /** The person's Entra object id. */
  readonly userId: string;
  readonly name?: string;
}

/** The parts of an activity this reads; a botbuilder `Activity` fits it. */
export interface IdentitySource {
  readonly channelData?: unknown;
  readonly conversation?: { readonly tenantId?: string | undefined } | undefined;
  readonly from?: { readonly aadObjectId?: string | undefined; readonly name?: string } | undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function channelDataTenantId(channelData: unknown): string | undefined {
  if (typeof channelData !== 'object' || channelData === null || !('tenant' in channelData)) {
    return undefined;
  }
  const tenant: unknown = channelData.tenant;
  if (typeof tenant !== 'object' || tenant === null || !('id' in tenant)) return undefined;
  return nonEmptyString(tenant.id);
}

/** Returns undefined when the tenant or the user cannot be told, so callers must decide, not guess. */
export function identityFromActivity(activity: IdentitySource): ActivityIdentity | undefined {
  const tenantId =
    channelDataTenantId(activity.channelData) ?? nonEmptyString(activity.conversation?.tenantId);
  const userId = nonEmptyString(activity.from?.aadObjectId);
  if (tenantId === undefined || userId === undefined) return undefined;
  const name = nonEmptyString(activity.from?.name);
  return name === undefined ? { tenantId, userId } : { tenantId, userId, name };
}
