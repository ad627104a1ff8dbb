import fc from 'fast-check';
import { validatePersonGroupFields } from '../../src/face/rules';
import { FORM, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { postSigned, type SignedResponse } from '../helpers/slack-requests';
import { generatedForm } from './arbitraries';
import { invalidFaceCalls } from './face-calls';
import { fuzzRuns, fuzzTimeoutMs } from './fuzz-runs';
import { createSubmissionPayload, payloadBody, slackReadValues } from './slack-payloads';

const RUNS = fuzzRuns(150);

/** Throws unless a view_submission was answered 200 with a Slack ack: empty, errors, or a view update. */
function expectAck(response: SignedResponse): void {
  if (response.status !== 200) throw new Error(`answered ${response.status}: ${response.text.slice(0, 300)}`);
  if (response.text === '') return;
  const action = response.json?.response_action;
  if (action === 'errors' || action === 'update' || action === 'clear') return;
  throw new Error(`a 200 that is no Slack ack: ${response.text.slice(0, 300)}`);
}

describe('the Slack create submission under generated field values', () => {
  let h: SlackHarness;
  let checkedFaceCalls = 0;
  let counter = 0;
  beforeAll(async () => {
    h = await startSlackHarness({ faceBudgetMs: 3000 });
    await h.configure('T1');
  });
  afterAll(() => h.close());

  it(
    'acks every submission: errors keyed by each broken field, else the outcome; Face gets only valid data',
    async () => {
      await fc.assert(
        fc.asyncProperty(generatedForm, async (form) => {
          counter += 1;
          const payload = createSubmissionPayload(form, h.slack.responseUrl(`fuzz-${counter}`));
          const response = await postSigned(h.eventsUrl, payloadBody(payload), FORM);
          expectAck(response);
          const checked = validatePersonGroupFields(slackReadValues(form));
          const errors = response.json?.errors as Record<string, string> | undefined;
          if (!checked.ok) {
            expect(response.json?.response_action).toBe('errors');
            const expected = [...new Set(checked.errors.map((error) => error.field))].sort();
            expect(Object.keys(errors ?? {}).sort()).toEqual(expected);
            for (const text of Object.values(errors ?? {})) expect(text.trim()).not.toBe('');
          } else if (response.json?.response_action === 'errors') {
            // Only "already exists" may come back as a field error for valid values.
            expect(Object.keys(errors ?? {})).toEqual(['personGroupId']);
          }
          const fresh = h.emulator.requests.slice(checkedFaceCalls);
          checkedFaceCalls += fresh.length;
          expect(invalidFaceCalls(fresh)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
      expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
      expect(h.emulator.requests.some((request) => request.method === 'PUT')).toBe(true);
    },
    fuzzTimeoutMs(RUNS),
  );
});
