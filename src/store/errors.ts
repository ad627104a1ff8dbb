/** The store is configured in a way it cannot work with (unknown DATABASE_URL scheme, bad schema name). */
export class StoreConfigError extends Error {
  override name = 'StoreConfigError';
}

/** A store method was called before init() or after close(). */
export class StoreNotOpenError extends Error {
  override name = 'StoreNotOpenError';
}

/**
 * The database did not answer or refused a read or write (stopped, unreachable, read-only, locked).
 * The cause is the driver's error, for the log; a user is only told to try again shortly.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(cause: unknown) {
    super('the bot’s database is unavailable', { cause });
  }
}
