/**
 * The Metrics port exported in Prometheus' text format with prom-client, the one module that imports it.
 * Each app has its own registry (tests run several apps in one process), with Node's process metrics.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from './port';

export interface PrometheusMetrics extends Metrics {
  /** The content type of `render()`'s text. */
  readonly contentType: string;
  /** Every metric, in Prometheus' text exposition format. */
  render(): Promise<string>;
}

/** Builds a registry with the bot's metrics (names start with `persongroup_`) and Node's process metrics. */
export function createPrometheusMetrics(): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requests = new Counter({
    name: 'persongroup_requests_total',
    help: 'Typed commands and card actions received, by platform and command or verb.',
    labelNames: ['platform', 'command'],
    registers,
  });
  const requestErrors = new Counter({
    name: 'persongroup_request_errors_total',
    help: 'Commands and actions that failed with an error instead of a reply.',
    labelNames: ['platform', 'command'],
    registers,
  });
  const inFlight = new Gauge({
    name: 'persongroup_in_flight',
    help: 'Work under way: commands and actions being answered, Face calls being made.',
    labelNames: ['work'],
    registers,
  });
  const outcomes = new Counter({
    name: 'persongroup_outcomes_total',
    help: 'Outcomes of the use cases, as audited (created, invalid, failed:<kind>, user_limit …).',
    labelNames: ['action', 'outcome'],
    registers,
  });
  const faceDuration = new Histogram({
    name: 'persongroup_face_request_duration_seconds',
    help: 'Duration of each Face API attempt (retries are attempts of their own).',
    labelNames: ['method'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
    registers,
  });
  const faceResponses = new Counter({
    name: 'persongroup_face_responses_total',
    help: 'Face API attempts by HTTP status, or timeout / network when no answer came.',
    labelNames: ['method', 'status'],
    registers,
  });
  const faceRetries = new Counter({
    name: 'persongroup_face_retries_total',
    help: 'Face API attempts after the first of a call.',
    labelNames: ['method'],
    registers,
  });
  const storeDuration = new Histogram({
    name: 'persongroup_store_operation_duration_seconds',
    help: 'Duration of store (database) operations, by operation and result.',
    labelNames: ['operation', 'result'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  });

  const track = (work: string) => {
    inFlight.inc({ work });
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      inFlight.dec({ work });
    };
  };
  // Both kinds of work are exported from the start, so "0 in flight" is a value and not a gap.
  inFlight.set({ work: 'command' }, 0);
  inFlight.set({ work: 'face_call' }, 0);

  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    commandStarted(platform, command) {
      requests.inc({ platform, command });
      return track('command');
    },
    commandFailed: (platform, command) => requestErrors.inc({ platform, command }),
    outcome: (action, outcome) => outcomes.inc({ action, outcome }),
    faceCallStarted: () => track('face_call'),
    faceAttempt(method, status, seconds) {
      faceDuration.observe({ method }, seconds);
      faceResponses.inc({ method, status });
    },
    faceRetry: (method) => faceRetries.inc({ method }),
    storeOperation: (operation, result, seconds) => storeDuration.observe({ operation, result }, seconds),
  };
}
