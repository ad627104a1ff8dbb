/**
 * The Face endpoint answered with a redirect (3xx). Redirects are never followed, so the key only ever goes
 * to the configured host; `locationHost` is where the service wanted to send us (undefined without a valid
 * Location header). Usually a wrong endpoint, or a proxy in front of it.
 */
export class FaceRedirectError extends Error {
  override readonly name = 'FaceRedirectError';
  readonly locationHost: string | undefined;
  constructor(
    readonly status: number,
    location: string | undefined,
    readonly method: string,
    readonly url: string,
    readonly requestId: string | undefined,
  ) {
    const host = hostOf(location, url);
    super(
      `Face API ${method} ${url} answered ${status}, a redirect to ${host ?? 'nowhere stated'}: not followed`,
    );
    this.locationHost = host;
  }
}

/** The host of a Location (relative ones resolve against the request URL), or undefined. */
function hostOf(location: string | undefined, base: string): string | undefined {
  if (location === undefined || location.trim() === '') return undefined;
  try {
    return new URL(location, base).host || undefined;
  } catch (error) {
    void error; // An unparsable Location names no host; the error still says it was a redirect.
    return undefined;
  }
}
