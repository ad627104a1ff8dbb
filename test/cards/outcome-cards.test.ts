import type { InputText } from '../../src/cards/adaptive-card';
import { cardToBlocks } from '../../src/cards/block-kit';
import {
  configureOutcomeCard,
  createFailureCard,
  createOutcomeCard,
  FORM_AGAIN_KINDS,
} from '../../src/cards/outcome-cards';
import { formatUtc } from '../../src/cards/texts';
import { FAILURE_MESSAGES } from '../../src/face/messages';
import type { Failure } from '../../src/provisioning/failure';
import { ANN, AT, cardText, elementById, inputIds } from './card-samples';

const values = {
  personGroupId: 'staff',
  name: 'Front door',
  userData: 'x',
  recognitionModel: 'recognition_03',
};

function failure(overrides: Partial<Failure>): Failure {
  return { kind: 'unknown', title: 'It failed', detail: 'Details.', remedy: 'Do this.', ...overrides };
}

describe('createOutcomeCard', () => {
  it('a created group gets the success card naming id, name, model, target, who, when and request id', () => {
    const card = createOutcomeCard({
      kind: 'created',
      group: { personGroupId: 'staff', name: 'Front door', recognitionModel: 'recognition_04' },
      target: { label: 'West US', emulated: false },
      by: ANN,
      at: AT,
      requestId: 'req-7',
    });
    const text = cardText(card);
    for (const part of [
      'staff',
      'Front door',
      'recognition_04',
      'West US',
      'Ann Example',
      '2026-11-26 04:15 UTC',
      'req-7',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toMatch(/emulator/);
    expect(card.actions).toBeUndefined();
  });

  it('a group made in the emulator says so, and no request id line appears without one', () => {
    const card = createOutcomeCard({
      kind: 'created',
      group: { personGroupId: 'staff', name: 'Staff', recognitionModel: 'recognition_04' },
      target: { label: 'the built-in Face emulator', emulated: true },
      by: ANN,
      at: AT,
    });
    expect(cardText(card)).toMatch(/emulator: nothing was created in Azure/);
    expect(cardText(card)).not.toContain('Request id');
  });

  it('invalid fields show the form again with the values kept and each error under its field', () => {
    const card = createOutcomeCard({
      kind: 'invalid',
      values,
      errors: [
        { field: 'personGroupId', message: 'Bad id.' },
        { field: 'name', message: 'Too long.' },
        { field: 'name', message: 'Also odd.' },
      ],
    });
    expect(inputIds(card)).toContain('personGroupId');
    expect(elementById(card, 'userData')).toMatchObject({ value: 'x' });
    expect(elementById(card, 'recognitionModel')).toMatchObject({ value: 'recognition_03' });
    expect(elementById(card, 'personGroupId-error')).toMatchObject({ text: 'Bad id.' });
    expect(elementById(card, 'name-error')).toMatchObject({ text: 'Too long. Also odd.' });
    expect(cardText(card)).toContain(FAILURE_MESSAGES.invalidFields.title);
  });

  it('a workspace without a key gets the failure card telling to ask an admin for /persongroup config', () => {
    const card = createOutcomeCard({ kind: 'not_configured', workspaceId: 'teams:t1', values });
    expect(inputIds(card)).toEqual([]);
    expect(cardText(card)).toMatch(/not configured/);
    expect(cardText(card)).toMatch(/admin to run \/persongroup config/);
    expect(cardText(card)).toContain('staff');
  });

  it('a failure of one field shows the form again with the error under that field and the failure above', () => {
    const card = createOutcomeCard({
      kind: 'failed',
      values,
      failure: failure({
        kind: 'already_exists',
        title: 'Already exists',
        field: 'personGroupId',
        requestId: 'r-9',
      }),
    });
    expect(elementById(card, 'personGroupId')).toMatchObject({ value: 'staff' });
    expect(elementById(card, 'personGroupId-error')).toMatchObject({ text: 'Already exists' });
    expect(cardText(card)).toMatch(/Details\. Do this\. Azure request id: r-9\./);
  });

  it.each(FORM_AGAIN_KINDS)(
    'a %s failure shows the form again, values kept, so the user can retry',
    (kind) => {
      const card = createOutcomeCard(
        { kind: 'failed', values, failure: failure({ kind }) },
        { useSubmit: true },
      );
      expect((elementById(card, 'name') as InputText).value).toBe('Front door');
      expect(cardText(card)).toContain('It failed');
      expect(card.actions?.[0]?.type).toBe('Action.Submit');
    },
  );

  it.each([
    'unauthorized',
    'limited_access',
    'quota_exceeded',
    'not_found',
    'unsupported_media_type',
  ] as const)('a %s failure, which the form cannot fix, gets the failure card', (kind) => {
    const card = createOutcomeCard({
      kind: 'failed',
      values,
      failure: failure({ kind, requestId: 'r-1', retryAfterSeconds: 60 }),
    });
    expect(inputIds(card)).toEqual([]);
    const text = cardText(card);
    for (const part of ['It failed', 'Details.', 'What to do: Do this.', 'staff', '60 seconds', 'r-1']) {
      expect(text).toContain(part);
    }
  });

  it('the emulator note is added to a form shown again', () => {
    const card = createOutcomeCard({ kind: 'invalid', values, errors: [] }, { emulated: true });
    expect(cardText(card)).toMatch(/built-in Face emulator/);
  });
});

describe('configureOutcomeCard', () => {
  it('a configured workspace gets the result with target, masked key, who and when', () => {
    const card = configureOutcomeCard({
      kind: 'configured',
      workspaceId: 'slack:T1',
      target: { label: 'West Europe', emulated: false },
      keyHint: '••••abcd',
      by: ANN,
      at: AT,
    });
    const text = cardText(card);
    for (const part of ['West Europe', '••••abcd', 'Ann Example', formatUtc(AT)])
      expect(text).toContain(part);
  });

  it('a user who is not an admin gets the notice that only admins can configure', () => {
    const card = configureOutcomeCard({ kind: 'forbidden', workspaceId: 'slack:T1' });
    expect(cardText(card)).toMatch(/Only admins can configure/);
    expect(inputIds(card)).toEqual([]);
  });

  it('invalid fields show the config form again with region and endpoint kept but never the key', () => {
    const card = configureOutcomeCard({
      kind: 'invalid',
      values: { region: 'westus', endpoint: 'http://x', subscriptionKey: 'k-1234567890' },
      errors: [{ field: 'endpoint', message: 'Use https.' }],
    });
    expect(elementById(card, 'region')).toMatchObject({ value: 'westus' });
    expect(elementById(card, 'endpoint')).toMatchObject({ value: 'http://x' });
    expect(elementById(card, 'endpoint-error')).toMatchObject({ text: 'Use https.' });
    expect(JSON.stringify(card)).not.toContain('k-1234567890');
  });

  it('a refused key shows the config form with the failure above and an error under the key', () => {
    const card = configureOutcomeCard({
      kind: 'failed',
      values: { region: 'westus', subscriptionKey: 'k-1234567890' },
      failure: failure({ kind: 'unauthorized', title: 'Key refused' }),
    });
    expect(elementById(card, 'subscriptionKey-error')).toMatchObject({ text: 'Key refused' });
    expect(cardText(card)).toContain('Details. Do this.');
    expect(JSON.stringify(card)).not.toContain('k-1234567890');
  });
});

describe('formatUtc', () => {
  it('writes the date and minute in UTC whatever the local time zone', () => {
    expect(formatUtc(new Date('2026-11-26T23:59:59.999-05:00'))).toBe('2026-11-27 04:59 UTC');
  });
});

describe('createFailureCard', () => {
  it.each(FORM_AGAIN_KINDS)(
    'a %s failure, which brings the form back in a modal, is a form-free card a message can carry',
    (kind) => {
      const card = createFailureCard({ kind: 'failed', failure: failure({ kind, title: 'Busy' }), values });
      expect(inputIds(card)).toEqual([]);
      expect(card.actions ?? []).toEqual([]);
      expect(() => cardToBlocks(card)).not.toThrow();
      expect(cardText(card)).toContain('Do this.');
    },
  );

  it('field errors are listed with their fields, and not configured says who can fix it', () => {
    const invalid = createFailureCard({
      kind: 'invalid',
      errors: [{ field: 'name', message: 'Give the group a name.' }],
      values,
    });
    expect(cardText(invalid)).toContain('name: Give the group a name.');
    const notConfigured = createFailureCard({ kind: 'not_configured', workspaceId: 'slack:T1', values });
    expect(cardText(notConfigured)).toContain('/persongroup config');
    expect(() => cardToBlocks(invalid)).not.toThrow();
  });
});
