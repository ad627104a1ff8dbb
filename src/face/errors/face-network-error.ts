/**
 * The connection failed or was cut (refused, reset, DNS, socket closed mid-answer). `code` is the system
 * code when Node gives one (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET…). The request may have reached the service.
 */
export class FaceNetworkError extends Error {
  override readonly name = 'FaceNetworkError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly code: string | undefined,
    options: { cause: unknown },
  ) {
    super(`Face API ${method} ${url} failed: ${code ?? describe(options.cause)}`, options);
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
