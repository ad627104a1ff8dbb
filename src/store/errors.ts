/** The store is configured in a way it cannot work with (unknown DATABASE_URL scheme, bad schema name). */
export class StoreConfigError extends Error {
  override name = 'StoreConfigError';
}

/** A store method was called before init() or after close(). */
export class StoreNotOpenError extends Error {
  override name = 'StoreNotOpenError';
}
