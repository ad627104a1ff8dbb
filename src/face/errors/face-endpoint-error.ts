/** Why an endpoint was refused. */
export type EndpointRejection =
  | 'not_a_url'
  | 'not_https'
  | 'not_azure_host'
  | 'has_credentials'
  | 'has_port'
  | 'has_query'
  | 'unknown_region'
  | 'no_target';

/** A region or endpoint the bot will not call (typo, non-Azure host, http, …): a configuration error. */
export class FaceEndpointError extends Error {
  override readonly name = 'FaceEndpointError';
  constructor(
    readonly reason: EndpointRejection,
    message: string,
  ) {
    super(message);
  }
}
