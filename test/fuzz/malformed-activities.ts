import fc from 'fast-check';
import { createInputs, executeInvoke, submitMessage } from '../helpers/teams-activities';
import { weirdText, wrongType } from './arbitraries';

/** Bodies that are not a JSON object: garbage, truncated JSON, JSON of another type, nothing. */
export const malformedJsonBody: fc.Arbitrary<string> = fc.oneof(
  weirdText,
  fc.constantFrom('', '{', '{"type":', '[]', 'null', '42', '"message"', '{"type":"invoke"', '\u0000'),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
);

const ACTIVITY_FIELDS = [
  'type',
  'from',
  'conversation',
  'value',
  'name',
  'recipient',
  'channelId',
  'channelData',
  'text',
  'replyToId',
  'id',
  'timestamp',
  'entities',
];

/** One change to a well-formed activity: a field removed, or given a value of the wrong type or shape. */
const mutation = fc.record({
  field: fc.constantFrom(...ACTIVITY_FIELDS),
  change: fc.oneof(
    fc.constant<{ kind: 'remove' }>({ kind: 'remove' }),
    wrongType.map((value) => ({ kind: 'replace' as const, value })),
    weirdText.map((value) => ({ kind: 'replace' as const, value })),
  ),
});

/**
 * A create submit (Action.Execute invoke or Action.Submit message) with one to three fields broken.
 * `serviceUrl` stays the fake connector's, so a reply can never leave the machine.
 */
export function malformedActivity(serviceUrl: string): fc.Arbitrary<Record<string, unknown>> {
  const start = fc
    .constantFrom('execute', 'submit')
    .map((via) =>
      via === 'execute'
        ? executeInvoke('personGroupCreate', createInputs('fuzzed'), { serviceUrl })
        : submitMessage('personGroupCreate', createInputs('fuzzed'), { serviceUrl }),
    );
  return fc.tuple(start, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([activity, changes]) => {
    const broken: Record<string, unknown> = { ...activity };
    for (const { field, change } of changes) {
      if (change.kind === 'remove') delete broken[field];
      else broken[field] = change.value;
    }
    return broken;
  });
}

/** Breaks the inside of an invoke's value: action missing, data of the wrong type, verb odd. */
export const malformedInvokeValue: fc.Arbitrary<unknown> = fc.oneof(
  wrongType,
  fc.constant({}),
  fc.record({ action: wrongType }),
  fc.record({
    action: fc.record({ type: fc.constant('Action.Execute'), verb: fc.oneof(weirdText, wrongType) }),
  }),
  fc.record({
    action: fc.record({
      type: fc.constant('Action.Execute'),
      verb: fc.constant('personGroupCreate'),
      data: wrongType,
    }),
  }),
);
