import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InputChoiceSet, InputText } from '../../src/cards/adaptive-card';
import { CARD_NAMES } from '../../src/cards/card-data';
import { CardTemplateError } from '../../src/cards/card-template-error';
import { configFormCard, createFormCard } from '../../src/cards/outcome-cards';
import { createCardRenderer, DEFAULT_CARDS_DIR } from '../../src/cards/templates';
import { FIELD_MESSAGES } from '../../src/face/messages';
import { FACE_REGIONS } from '../../src/face/regions';
import {
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_USER_DATA_BYTES,
  PERSON_GROUP_ID_PATTERN,
} from '../../src/face/rules';
import { RECOGNITION_MODELS } from '../../src/face/types';
import { elementById, inputIds, sampleCards } from './card-samples';

describe('the card templates', () => {
  it.each(CARD_NAMES)('%s.json is valid JSON declaring an Adaptive Card 1.5', (name) => {
    const template = JSON.parse(readFileSync(path.join(DEFAULT_CARDS_DIR, `${name}.json`), 'utf8'));
    expect(template).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it.each(Object.entries(sampleCards()))(
    '%s expands with no unbound binding expression left in it',
    (_name, card) => {
      expect(JSON.stringify(card)).not.toContain('${');
      expect(card.type).toBe('AdaptiveCard');
    },
  );

  it('the create form has the contract input ids and an Action.Execute with verb personGroupCreate', () => {
    const card = createFormCard();
    expect(inputIds(card)).toEqual(['personGroupId', 'name', 'userData', 'recognitionModel', 'kind']);
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        verb: 'personGroupCreate',
        title: 'Create',
        style: 'positive',
        data: { verb: 'personGroupCreate' },
        fallback: {
          type: 'Action.Submit',
          title: 'Create',
          style: 'positive',
          data: { verb: 'personGroupCreate' },
        },
      },
    ]);
  });

  it('the create form offers exactly recognition_01 to recognition_04 with recognition_04 pre-selected', () => {
    const model = elementById(createFormCard(), 'recognitionModel') as InputChoiceSet;
    expect(model.choices.map((choice) => choice.value)).toEqual([...RECOGNITION_MODELS]);
    expect(model.value).toBe('recognition_04');
    const why = elementById(createFormCard(), 'recognitionModel-hint');
    expect(why).toMatchObject({ text: expect.stringMatching(/masks.*Microsoft recommends/) });
  });

  it('the create form checks the same rules as the server, with the same wording', () => {
    const card = createFormCard();
    const id = elementById(card, 'personGroupId') as InputText;
    expect(id).toMatchObject({
      isRequired: true,
      maxLength: MAX_ID_LENGTH,
      errorMessage: FIELD_MESSAGES.idRule,
    });
    expect(new RegExp(id.regex ?? '').source).toBe(PERSON_GROUP_ID_PATTERN.source);
    expect(elementById(card, 'name')).toMatchObject({
      isRequired: true,
      maxLength: MAX_NAME_LENGTH,
      errorMessage: FIELD_MESSAGES.nameRequired,
    });
    expect(elementById(card, 'userData')).toMatchObject({ isRequired: false, isMultiline: true });
    expect((elementById(card, 'userData') as InputText).maxLength).toBe(MAX_USER_DATA_BYTES);
    expect(elementById(card, 'userData-hint')).toMatchObject({ text: expect.stringContaining('16 KB') });
  });

  it('the create form shows prefilled values and a field error only where there is one', () => {
    const card = createFormCard({
      values: { personGroupId: 'Staff', name: 'Front door', recognitionModel: 'recognition_02' },
      errors: [{ field: 'personGroupId', message: 'Upper-case letters are not allowed.' }],
    });
    expect(elementById(card, 'personGroupId')).toMatchObject({ value: 'Staff' });
    expect(elementById(card, 'name')).toMatchObject({ value: 'Front door' });
    expect(elementById(card, 'recognitionModel')).toMatchObject({ value: 'recognition_02' });
    expect(elementById(card, 'personGroupId-error')).toMatchObject({
      text: 'Upper-case letters are not allowed.',
      color: 'attention',
    });
    expect(elementById(card, 'name-error')).toBeUndefined();
  });

  it('a value that looks like a binding expression is shown as typed, not evaluated', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a card binding expression, typed by a user.
    const typed = '${values.personGroupId}';
    const card = createFormCard({ values: { name: typed } });
    expect(elementById(card, 'name')).toMatchObject({ value: typed });
  });

  it('the useSubmit flag turns the submit into an Action.Submit carrying the same verb', () => {
    expect(createFormCard({ useSubmit: true }).actions).toEqual([
      { type: 'Action.Submit', title: 'Create', style: 'positive', data: { verb: 'personGroupCreate' } },
    ]);
  });

  it('the config form has region, endpoint and a password key input that is never prefilled', () => {
    const card = configFormCard({
      values: { region: 'westus', endpoint: '', subscriptionKey: 'secret-key-value' },
    });
    expect(inputIds(card)).toEqual(['target', 'region', 'endpoint', 'subscriptionKey']);
    expect(JSON.stringify(card)).not.toContain('secret-key-value');
    expect(elementById(card, 'subscriptionKey')).toMatchObject({ style: 'password', isRequired: true });
    expect(elementById(card, 'subscriptionKey-hint')).toMatchObject({
      text: expect.stringMatching(/checked live/),
    });
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: 'workspaceConfigure' });
  });

  it('the config form lists every Face region by display name with the region id as value', () => {
    const region = elementById(configFormCard({ values: { region: 'westus' } }), 'region') as InputChoiceSet;
    expect(region.choices).toEqual(FACE_REGIONS.map((r) => ({ title: r.displayName, value: r.id })));
    expect(region.value).toBe('westus');
  });
});

describe('the card renderer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cards-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing template file as a CardTemplateError naming the template', () => {
    const renderer = createCardRenderer({ dir });
    expect(() => renderer.expand('usage', { commands: [], note: '' })).toThrow(CardTemplateError);
    expect(() => renderer.expand('usage', { commands: [], note: '' })).toThrow(/"usage".*cannot be read/);
  });

  it('reports a template that is not JSON', () => {
    writeFileSync(path.join(dir, 'usage.json'), '{ not json');
    expect(() => createCardRenderer({ dir }).expand('usage', { commands: [], note: '' })).toThrow(
      /not valid JSON/,
    );
  });

  it('reports a template that does not expand to an Adaptive Card', () => {
    writeFileSync(path.join(dir, 'usage.json'), '{"type": "Message"}');
    expect(() => createCardRenderer({ dir }).expand('usage', { commands: [], note: '' })).toThrow(
      /does not expand to an AdaptiveCard/,
    );
  });

  it('preloading every template of the repository succeeds', () => {
    expect(() => createCardRenderer().preload(CARD_NAMES)).not.toThrow();
  });
});
