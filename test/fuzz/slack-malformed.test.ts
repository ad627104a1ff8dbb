import fc from 'fast-check';
import { FORM, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { postSigned, type SignedResponse } from '../helpers/slack-requests';
import { generatedForm } from './arbitraries';
import { invalidFaceCalls } from './face-calls';
import { fuzzRuns, fuzzTimeoutMs } from './fuzz-runs';
import {
  createSubmissionPayload,
  malformedPayloadBody,
  malformedSubmissionPayload,
  payloadBody,
} from './slack-payloads';

const RUNS = fuzzRuns(150);
/**
 * Requests Bolt routes to no listener are answered 404 only after its 3 s unhandled-request timeout, so
 * cases go out in concurrent batches: one batch costs about 3 s however many cases it holds.
 */
const BATCH = 50;
const batches = Math.max(1, Math.ceil(RUNS / BATCH));
/** One case must be answered within this, or it is reported as a hang naming its body. */
const ANSWER_WITHIN_MS = 12_000;
/** Each batch waits out Bolt's 3 s once; the rest is room for a loaded 2-core CI machine. */
const BATCHED_TIMEOUT_MS = 30_000 + batches * (ANSWER_WITHIN_MS + 3_000);

/** Posts a signed body; a request left unanswered fails with that body instead of a test timeout. */
async function postWithinLimit(url: string, body: string): Promise<SignedResponse> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const shown = new URLSearchParams(body).get('payload') ?? body;
      reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms to ${shown.slice(0, 1500)}`));
    }, ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([postSigned(url, body, FORM), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Throws unless the answer is a 4xx or a 200 (an ack): never a 5xx, never a hang. */
function expectClearAnswer(response: SignedResponse, sent: string): void {
  if (response.status === 200 || (response.status >= 400 && response.status < 500)) return;
  const shown = new URLSearchParams(sent).get('payload') ?? sent;
  throw new Error(`answered ${response.status} ${response.text.slice(0, 200)} to ${shown.slice(0, 1500)}`);
}

describe('/slack/events under malformed interactivity payloads', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ faceBudgetMs: 3000 });
    await h.configure('T1');
  });
  afterAll(() => h.close());

  async function expectAliveAndClean(): Promise<void> {
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
    expect(invalidFaceCalls(h.emulator.requests)).toEqual([]);
  }

  it(
    'answers a signed body whose payload is not readable JSON with a 4xx or an ack, and stays up',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(malformedPayloadBody, { minLength: BATCH, maxLength: BATCH }),
          async (bodies) => {
            const answers = await Promise.all(bodies.map((body) => postWithinLimit(h.eventsUrl, body)));
            for (const [i, answer] of answers.entries()) expectClearAnswer(answer, bodies[i] ?? '');
          },
        ),
        // A failing batch is reported at once: shrinking 50 bodies a batch (3 s each) would outlast the
        // timeout and hide the failure; the error names the one body answered wrongly anyway.
        { numRuns: batches, endOnFailure: true },
      );
      await expectAliveAndClean();
    },
    BATCHED_TIMEOUT_MS,
  );

  it(
    'acks a create submission whose fields, metadata or ids are missing or wrongly typed, never a 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          malformedSubmissionPayload(generatedForm, h.slack.responseUrl('malformed')),
          async (payload) => {
            const body = payloadBody(payload);
            const response = await postSigned(h.eventsUrl, body, FORM);
            expectClearAnswer(response, body);
            expect(response.status).toBe(200);
          },
        ),
        { numRuns: RUNS },
      );
      await expectAliveAndClean();
    },
    fuzzTimeoutMs(RUNS),
  );

  it('acks a signed create submission over 1 MB (within the 4 MB Bolt limit) and stays up', async () => {
    const form = {
      personGroupId: 'big-body',
      name: 'Big',
      userData: 'u'.repeat(1_100_000),
      recognitionModel: '',
      extra: {},
    };
    const body = payloadBody(createSubmissionPayload(form, h.slack.responseUrl('big')));
    const response = await postSigned(h.eventsUrl, body, FORM);
    expect(response.status).toBe(200);
    expect(Object.keys((response.json?.errors as object | undefined) ?? {})).toEqual(['userData']);
    await expectAliveAndClean();
  });
});
