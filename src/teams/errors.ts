/** A request to /api/messages that is not a Bot Framework activity (bad JSON, not an object, no type). */
export class MalformedActivityError extends Error {
  override readonly name = 'MalformedActivityError';
  readonly status = 400;
}

/**
 * The request did not prove it comes from the Bot Framework (no token, a bad token, or a token that could
 * not be checked). The reason is for the log only; the caller gets a bare 401.
 */
export class TeamsUnauthorizedError extends Error {
  override readonly name = 'TeamsUnauthorizedError';
  readonly status = 401;
}

/**
 * An activity without a Microsoft 365 tenant id: the bot cannot tell which workspace (and so which Face
 * key) it belongs to. Teams always sends one; other Bot Framework clients may not.
 */
export class MissingTenantError extends Error {
  override readonly name = 'MissingTenantError';
  constructor() {
    super('the activity names no Microsoft 365 tenant (conversation.tenantId / channelData.tenant.id)');
  }
}
