/** How the error body looked: the mapping never shows an HTML or unparsed body to a user. */
export type FaceErrorBodyKind = 'json' | 'empty' | 'html' | 'text';

export interface FaceApiErrorInit {
  status: number;
  code?: string | undefined;
  innerCode?: string | undefined;
  /** The inner error's message (Limited Access puts its explanation there). */
  innerMessage?: string | undefined;
  serviceMessage?: string | undefined;
  requestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
  bodyKind: FaceErrorBodyKind;
  method?: string | undefined;
  url?: string | undefined;
}

/**
 * The Face API answered with an error status. Built by parseFaceError from any body shape.
 * `serviceMessage` is the service's own text (for logs and the mapping), never shown to users verbatim.
 */
export class FaceApiError extends Error {
  override readonly name = 'FaceApiError';
  readonly status: number;
  readonly code: string | undefined;
  readonly innerCode: string | undefined;
  readonly innerMessage: string | undefined;
  readonly serviceMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly bodyKind: FaceErrorBodyKind;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(init: FaceApiErrorInit) {
    const where = init.method && init.url ? `${init.method} ${init.url} ` : '';
    const code = init.code ? ` ${init.code}${init.innerCode ? `/${init.innerCode}` : ''}` : '';
    const text = init.serviceMessage ? `: ${init.serviceMessage}` : ` (${init.bodyKind} body)`;
    const id = init.requestId ? ` [apim-request-id ${init.requestId}]` : '';
    super(`Face API ${where}answered ${init.status}${code}${text}${id}`);
    this.status = init.status;
    this.code = init.code;
    this.innerCode = init.innerCode;
    this.innerMessage = init.innerMessage;
    this.serviceMessage = init.serviceMessage;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.bodyKind = init.bodyKind;
    this.method = init.method;
    this.url = init.url;
  }
}
