import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  type Logger as BoltLogger,
  type BufferedIncomingMessage,
  type CodedError,
  defaultBodyLimit,
  HTTPModuleFunctions,
  HTTPResponseAck,
  isRawBodyError,
  type Receiver,
  type ReceiverEvent,
  ReceiverInconsistentStateError,
} from '@slack/bolt';
import type { Logger } from '../logger';
import { answerMethodNotAllowed, answerRefusal, describeJson } from './http-answers';
import { refuseMalformedPayload } from './payload-guard';

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  /** Where Bolt's own lines go (signature failures, unacknowledged requests), worded as Bolt words them. */
  boltLogger: BoltLogger;
  logger: Logger;
}

type JsonObject = Record<string, unknown>;

/**
 * Bolt's Receiver for our shared HTTP server, in place of Bolt's HTTPReceiver (which reads `ssl_check`
 * off any parsed payload outside its error handling, so a signed `payload=null` hung the request). Each
 * request to /slack/events is read, verified and parsed once with Bolt's exported HTTPModuleFunctions and
 * answered as HTTPReceiver answers (401 unsigned or stale, 400 unparseable, ssl_check, url_verification, the
 * ack or 404 after 3 s), plus our refusals: a payload that is not a JSON object gets 400 and the reason, an
 * interactivity payload Bolt's App would throw on is acked here. `processBeforeResponse` is false: the ack
 * is the HTTP response and listeners go on after it. start/stop do nothing: our server listens.
 */
export class SlackHttpReceiver implements Receiver {
  #app: App | undefined;

  constructor(private readonly options: SlackHttpReceiverOptions) {}

  init(app: App): void {
    this.#app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** The route of /slack/events: POST only. */
  readonly handleEvents = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return answerMethodNotAllowed(res);
    const buffered = await this.readVerified(req, res);
    if (!buffered) return;
    const body = this.parse(buffered, res);
    if (!body) return;
    // Slack's own probes, answered as Bolt answers them (an ssl_check is not signed).
    if (body.ssl_check === '1') return HTTPModuleFunctions.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
    const refused = refuseMalformedPayload(body, this.options.logger);
    if (refused) return HTTPModuleFunctions.buildContentResponse(res, refused.ack);
    await this.dispatch(req, buffered, body, res);
  };

  /** The body, read once and verified (signature, timestamp); undefined once a refusal is written. */
  private async readVerified(req: IncomingMessage, res: ServerResponse) {
    try {
      return await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { signingSecret: this.options.signingSecret, bodyLimit: defaultBodyLimit },
        req,
      );
    } catch (error) {
      if (isRawBodyError(error)) {
        // Too large, aborted, or an encoding raw-body cannot read: its own status, and why.
        const { statusCode, message } = error as Error & { statusCode: number };
        this.refuse(res, statusCode, message);
        return undefined;
      }
      this.options.boltLogger.warn(
        `Failed to parse and verify the request data: ${(error as Error).message}`,
      );
      HTTPModuleFunctions.buildNoBodyResponse(res, 401);
      return undefined;
    }
  }

  /** The verified body parsed once (form-encoded `payload`, form fields, or JSON); it must be an object. */
  private parse(buffered: BufferedIncomingMessage, res: ServerResponse): JsonObject | undefined {
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch (error) {
      this.options.boltLogger.warn(`Malformed request body: ${(error as Error).message}`);
      HTTPModuleFunctions.buildNoBodyResponse(res, 400);
      return undefined;
    }
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as JsonObject;
    this.refuse(res, 400, `the payload is ${describeJson(body)}, not a JSON object`);
    return undefined;
  }

  /** Hands the event to the App; its ack writes the response, Bolt's handler answers what it throws. */
  private async dispatch(
    req: IncomingMessage,
    buffered: BufferedIncomingMessage,
    body: JsonObject,
    res: ServerResponse,
  ) {
    const app = this.#app;
    if (!app) throw new ReceiverInconsistentStateError('the Slack receiver got a request before App.init');
    const logger = this.options.boltLogger;
    // Bolt's defaults: 404 when no listener acks within 3 s (5 s for function_executed).
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req);
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason !== undefined ? { retryReason } : {}),
      customProperties: {},
    };
    try {
      // With processBeforeResponse false no response is ever stored: the ack has written it.
      await app.processEvent(event);
    } catch (error) {
      const acknowledged = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error | CodedError,
        logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      // As Bolt: only stop the 3 s timer when the handler answered (else a listener's ack may still come).
      if (acknowledged) ack.ack();
    }
  }

  private refuse(res: ServerResponse, status: number, reason: string): void {
    this.options.logger.warn({ status, reason }, 'refused a Slack request body');
    answerRefusal(res, status, reason);
  }
}
