/** One attempt got no complete answer (headers and body) within its timeout. The request may have reached the service. */
export class FaceTimeoutError extends Error {
  override readonly name = 'FaceTimeoutError';
  constructor(
    readonly timeoutMs: number,
    readonly method: string,
    readonly url: string,
  ) {
    super(`Face API ${method} ${url} did not answer within ${timeoutMs} ms`);
  }
}
