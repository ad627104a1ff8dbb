/**
 * Faults the emulator can play for the next N Face requests: in code (`injectFaults`), or over
 * `POST /_emulator/faults` when started with `faults: true`.
 */
import { z } from 'zod';
import { type Answer, limitedAccess, serviceError } from './answer';
import { SERVICE } from './service-table';

export const emulatorFaultSchema = z.discriminatedUnion('kind', [
  /** 429 with a Retry-After header (and the wait in the message). */
  z.object({ kind: z.literal('rate_limit'), retryAfterSeconds: z.number().int().min(0).default(1) }),
  /** 429 with the wait only in the message, no header: what real Face 429s look like. */
  z.object({
    kind: z.literal('rate_limit_message'),
    seconds: z.number().int().min(0).default(1),
    wording: z.enum(['try_again', 'retry_after']).default('try_again'),
  }),
  /** 429 with no wait at all: the client must back off on its own. */
  z.object({ kind: z.literal('rate_limit_bare') }),
  z.object({ kind: z.literal('server_error'), status: z.number().int().min(500).max(599).default(500) }),
  /** A proxy's HTML error page. */
  z.object({ kind: z.literal('html'), status: z.number().int().min(400).max(599).default(502) }),
  /** The request is handled normally after `ms` more milliseconds. */
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(120000) }),
  /** The socket is destroyed without an answer. */
  z.object({ kind: z.literal('reset') }),
  /** The request takes effect (e.g. the group is created), then the answer is a 500 or a reset. */
  z.object({
    kind: z.literal('commit_then_fail'),
    answer: z.enum(['server_error', 'reset']).default('server_error'),
  }),
  /**
   * The request takes effect and its answer's headers are sent, then the body stalls half way and never
   * ends: a client's time budget must cover reading the body, not only the headers.
   */
  z.object({ kind: z.literal('stall_body') }),
  /** 403 InvalidRequest/UnsupportedFeature: a resource without Limited Access approval. */
  z.object({ kind: z.literal('limited_access') }),
  /** Any status and JSON body. */
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(100).max(599),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
]);

export type EmulatorFault = z.input<typeof emulatorFaultSchema>;
export type ParsedFault = z.output<typeof emulatorFaultSchema>;

const HTML_PAGE = (status: number): string =>
  `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1><hr><center>nginx</center></body></html>\n`;

/** The answer a fault gives instead of the real one; undefined for faults that wrap real handling. */
export function faultAnswer(fault: ParsedFault): Answer | undefined {
  switch (fault.kind) {
    case 'rate_limit':
      return {
        status: 429,
        json: { error: { statusCode: 429, message: SERVICE.rateLimited(fault.retryAfterSeconds) } },
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
      };
    case 'rate_limit_message': {
      const message =
        fault.wording === 'retry_after'
          ? SERVICE.rateLimitedRetryAfter(fault.seconds)
          : SERVICE.rateLimited(fault.seconds);
      return { status: 429, json: { error: { code: '429', message } } };
    }
    case 'rate_limit_bare':
      return { status: 429, json: { statusCode: 429, message: SERVICE.rateLimitedBare } };
    case 'server_error':
      return serviceError(fault.status, SERVICE.internalErrorCode, SERVICE.internalError);
    case 'html':
      return { status: fault.status, raw: { contentType: 'text/html', body: HTML_PAGE(fault.status) } };
    case 'limited_access':
      return limitedAccess();
    case 'status':
      return { status: fault.status, json: fault.body, ...(fault.headers ? { headers: fault.headers } : {}) };
    default:
      return undefined;
  }
}

/** A queue of faults, each for a number of upcoming requests, played in order. */
export class FaultQueue {
  private readonly entries: { fault: ParsedFault; remaining: number }[] = [];

  add(fault: EmulatorFault, count: number): void {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`fault count must be a positive integer, got ${count}`);
    this.entries.push({ fault: emulatorFaultSchema.parse(fault), remaining: count });
  }

  /** The fault for the next request, if any (consumes one use). */
  next(): ParsedFault | undefined {
    const entry = this.entries[0];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.entries.shift();
    return entry.fault;
  }

  get pending(): number {
    return this.entries.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
