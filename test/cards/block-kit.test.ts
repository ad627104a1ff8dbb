import type { types as slack } from '@slack/bolt';
import type { AdaptiveCard, CardElement } from '../../src/cards/adaptive-card';
import { cardFallbackText, cardToBlocks, cardToMessage, cardToModal } from '../../src/cards/block-kit';
import { SLACK_CAP_NOTE } from '../../src/cards/block-kit-elements';
import { CardTranslationError } from '../../src/cards/card-translation-error';
import { configFormCard, createFormCard } from '../../src/cards/outcome-cards';
import { sampleCards } from './card-samples';

const modal = (card: AdaptiveCard, title?: string): slack.ModalView =>
  cardToModal(card, title === undefined ? { callbackId: 'cb' } : { callbackId: 'cb', title });

function cardOf(body: CardElement[], withSubmit = true): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', version: '1.5', body };
  if (withSubmit) card.actions = [{ type: 'Action.Execute', verb: 'v', title: 'Go', data: { verb: 'v' } }];
  return card;
}

function input(view: slack.ModalView, id: string): slack.InputBlock {
  const block = view.blocks.find((b): b is slack.InputBlock => b.type === 'input' && b.block_id === id);
  if (!block) throw new Error(`no input block ${id}`);
  return block;
}

function translationError(run: () => unknown): CardTranslationError {
  try {
    run();
  } catch (error) {
    if (error instanceof CardTranslationError) return error;
    throw error;
  }
  throw new Error('expected a CardTranslationError');
}

describe('cardToModal with the create form', () => {
  const view = cardToModal(createFormCard({ values: { personGroupId: 'staff' } }), {
    callbackId: 'persongroup_create',
    privateMetadata: '{"channel":"C1"}',
  });

  it('takes the title from the heading, the submit from the Action.Execute, and keeps the metadata', () => {
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'persongroup_create',
      title: { type: 'plain_text', text: 'Create a person group' },
      submit: { type: 'plain_text', text: 'Create' },
      close: { type: 'plain_text', text: 'Cancel' },
      private_metadata: '{"channel":"C1"}',
    });
    expect(view.blocks.some((b) => b.type === 'header')).toBe(false);
  });

  it('has one input block per card input, with block_id and action_id equal to the input id', () => {
    const inputs = view.blocks.filter((b): b is slack.InputBlock => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.element.action_id])).toEqual([
      ['personGroupId', 'personGroupId'],
      ['name', 'name'],
      ['userData', 'userData'],
      ['recognitionModel', 'recognitionModel'],
      ['kind', 'kind'],
    ]);
    expect(inputs.map((b) => b.optional)).toEqual([false, false, true, false, false]);
  });

  it('leaves "(optional)" to Slack, which writes it after an optional label itself', () => {
    expect(input(view, 'userData').label.text).toBe('User data');
  });

  it('turns Input.Text into plain_text_input with label, placeholder, max_length, initial value and hint', () => {
    expect(input(view, 'personGroupId')).toMatchObject({
      label: { text: 'Person group id' },
      hint: { text: expect.stringContaining('at most 64') },
      element: {
        type: 'plain_text_input',
        placeholder: { text: 'e.g. front-door-staff' },
        max_length: 64,
        initial_value: 'staff',
      },
    });
    expect(input(view, 'name').element).not.toHaveProperty('initial_value');
  });

  it('caps userData at 3000 characters and says in the hint that Slack holds no more', () => {
    const userData = input(view, 'userData');
    expect(userData.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
    expect(userData.hint?.text).toContain('16 KB');
    expect(userData.hint?.text).toContain(SLACK_CAP_NOTE);
  });

  it('turns Input.ChoiceSet into static_select with the four models and recognition_04 as initial option', () => {
    const element = input(view, 'recognitionModel').element as slack.StaticSelect;
    expect(element.options?.map((o) => o.value)).toEqual([
      'recognition_01',
      'recognition_02',
      'recognition_03',
      'recognition_04',
    ]);
    expect(element.initial_option).toEqual({
      text: { type: 'plain_text', text: 'recognition_04 (recommended)', emoji: true },
      value: 'recognition_04',
    });
    expect(input(view, 'recognitionModel').hint?.text).toMatch(/masks/);
  });

  it('shows field errors and banners of the card as warning sections', () => {
    const withErrors = modal(
      createFormCard({
        errors: [{ field: 'name', message: 'Too long.' }],
        banners: [{ style: 'attention', title: 'Busy', text: 'Try <again> & wait.' }],
      }),
    );
    const texts = withErrors.blocks
      .filter((b): b is slack.SectionBlock => b.type === 'section')
      .flatMap((b) => (b.text ? [b.text.text] : []));
    expect(texts).toEqual([':warning: *Busy*', 'Try &lt;again&gt; &amp; wait.', ':warning: Too long.']);
  });

  it('the config form becomes a modal whose region select has no initial option until one is chosen', () => {
    const config = cardToModal(configFormCard(), { callbackId: 'workspace_configure' });
    const region = input(config, 'region');
    expect(region.optional).toBe(true);
    expect((region.element as slack.StaticSelect).initial_option).toBeUndefined();
    expect(input(config, 'subscriptionKey').element).not.toHaveProperty('initial_value');
    expect(config.submit?.text).toBe('Save');
  });
});

describe('cardToModal limits', () => {
  it('shortens a title longer than 24 characters with an ellipsis', () => {
    const view = modal(createFormCard(), 'Create a person group in West Europe');
    expect(view.title.text).toBe('Create a person group i…');
    expect(view.title.text).toHaveLength(24);
  });

  it('keeps a long heading as a header block when it had to be shortened for the title', () => {
    const long = 'A heading that is far too long for a modal title';
    const view = modal(cardOf([{ type: 'TextBlock', text: long, style: 'heading' }], false));
    expect(view.title.text).toHaveLength(24);
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: long } });
    expect(view.close?.text).toBe('Close');
    expect(view.submit).toBeUndefined();
  });

  it('shortens the submit button text to 24 characters', () => {
    const card = cardOf([{ type: 'Input.Text', id: 'a', label: 'A' }]);
    card.actions = [
      { type: 'Action.Submit', title: 'Create this person group right now', data: { verb: 'v' } },
    ];
    expect(modal(card, 'T').submit?.text).toHaveLength(24);
  });

  it('rejects more than 100 blocks', () => {
    const body: CardElement[] = Array.from({ length: 101 }, (_, i) => ({
      type: 'TextBlock',
      text: `line ${i}`,
    }));
    const error = translationError(() => modal(cardOf(body, false), 'T'));
    expect(error.limit).toBe('blocks ≤ 100');
  });

  it('rejects private_metadata over 3000 characters and callback ids over 255', () => {
    const card = createFormCard();
    expect(
      translationError(() => cardToModal(card, { callbackId: 'cb', privateMetadata: 'x'.repeat(3001) }))
        .limit,
    ).toBe('private_metadata ≤ 3000');
    expect(translationError(() => cardToModal(card, { callbackId: 'c'.repeat(256) })).limit).toBe(
      'callback_id ≤ 255',
    );
  });

  it('rejects a form without a submit action, and a card without any title', () => {
    expect(
      translationError(() => modal(cardOf([{ type: 'Input.Text', id: 'a', label: 'A' }], false), 'T')).limit,
    ).toBe('submit required');
    expect(translationError(() => modal(cardOf([{ type: 'TextBlock', text: 'plain' }], false))).limit).toBe(
      'title required',
    );
  });
});

describe('input limits', () => {
  const choices = (n: number, title = 'Choice') =>
    Array.from({ length: n }, (_, i) => ({ title: `${title} ${i}`, value: `v${i}` }));

  it('accepts 100 options and rejects 101 with a CardTranslationError naming the element and the limit', () => {
    const ok = modal(
      cardOf([{ type: 'Input.ChoiceSet', id: 'pick', label: 'Pick', choices: choices(100) }]),
      'T',
    );
    expect((input(ok, 'pick').element as slack.StaticSelect).options).toHaveLength(100);
    const error = translationError(() =>
      modal(cardOf([{ type: 'Input.ChoiceSet', id: 'pick', label: 'Pick', choices: choices(101) }]), 'T'),
    );
    expect(error).toMatchObject({ element: 'Input.ChoiceSet#pick', limit: 'static_select options ≤ 100' });
    expect(error.message).toContain('101 choices');
  });

  it('shortens option texts to 75 characters but rejects option values over 150', () => {
    const long = modal(
      cardOf([{ type: 'Input.ChoiceSet', id: 'p', label: 'P', choices: choices(1, 'x'.repeat(80)) }]),
      'T',
    );
    const option = (input(long, 'p').element as slack.StaticSelect).options?.[0];
    expect(option?.text.text).toHaveLength(75);
    expect(option?.text.text.endsWith('…')).toBe(true);
    const value = 'v'.repeat(151);
    expect(
      translationError(() =>
        modal(
          cardOf([{ type: 'Input.ChoiceSet', id: 'p', label: 'P', choices: [{ title: 't', value }] }]),
          'T',
        ),
      ).limit,
    ).toBe('option value ≤ 150');
  });

  it('shortens placeholders to 150 and labels to 2000 characters', () => {
    const view = modal(
      cardOf([{ type: 'Input.Text', id: 'a', label: 'L'.repeat(2100), placeholder: 'p'.repeat(200) }]),
      'T',
    );
    const block = input(view, 'a');
    expect(block.label.text).toHaveLength(2000);
    expect((block.element as slack.PlainTextInput).placeholder?.text).toHaveLength(150);
  });

  it('rejects input ids over 255 characters: a shortened id would not match the input', () => {
    const id = 'i'.repeat(256);
    expect(translationError(() => modal(cardOf([{ type: 'Input.Text', id, label: 'A' }]), 'T')).limit).toBe(
      'block_id ≤ 255',
    );
  });

  it('cuts a prefilled value longer than the input holds and says so in its hint, so the form still opens', () => {
    const card = createFormCard({ values: { personGroupId: 'a'.repeat(70) } });
    const block = modal(card).blocks.find((b) => b.block_id === 'personGroupId') as slack.InputBlock;
    const element = block.element as slack.PlainTextInput;
    expect(element.initial_value).toBe('a'.repeat(64));
    expect(element.max_length).toBe(64);
    expect(block.hint?.text).toContain('had 70 characters; this field holds at most 64');
  });

  it('never cuts a prefilled value inside a character made of two UTF-16 units', () => {
    const card = createFormCard({ values: { personGroupId: `${'a'.repeat(63)}😀xyz` } });
    const block = modal(card).blocks.find((b) => b.block_id === 'personGroupId') as slack.InputBlock;
    expect((block.element as slack.PlainTextInput).initial_value).toBe('a'.repeat(63));
  });

  it('rejects multi-select choice sets and inputs without a label', () => {
    const multi = cardOf([
      { type: 'Input.ChoiceSet', id: 'm', label: 'M', isMultiSelect: true, choices: choices(2) },
    ]);
    expect(translationError(() => modal(multi, 'T')).limit).toBe('single choice');
    expect(translationError(() => modal(cardOf([{ type: 'Input.Text', id: 'n' }]), 'T')).limit).toBe(
      'input label required',
    );
  });

  it('rejects element types it does not translate', () => {
    const image = { type: 'Image', url: 'https://example.com/a.png' } as unknown as CardElement;
    expect(translationError(() => modal(cardOf([image], false), 'T'))).toMatchObject({
      element: 'Image',
      limit: 'supported element types',
    });
  });
});

describe('cardToBlocks (messages)', () => {
  it('translates every result card without error', () => {
    const { created, failed, configured, usage, notice } = sampleCards();
    for (const card of [created, failed, configured, usage, notice]) {
      expect(cardToBlocks(card as AdaptiveCard).length).toBeGreaterThan(0);
    }
  });

  it('renders a heading as a header, subtle text as context, and facts as section fields', () => {
    const blocks = cardToBlocks(sampleCards().created as AdaptiveCard);
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Person group created', emoji: true },
    });
    const fields = blocks.flatMap((b) =>
      b.type === 'section' && b.fields ? b.fields.map((f) => f.text) : [],
    );
    expect(fields).toContain('*Person group id*\nstaff');
    expect(fields).toContain('*Request id*\nreq-1');
    expect(blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ type: 'mrkdwn' }] });
  });

  it('splits facts into sections of at most 10 fields', () => {
    const facts = Array.from({ length: 12 }, (_, i) => ({ title: `t${i}`, value: `v${i}` }));
    const blocks = cardToBlocks(cardOf([{ type: 'FactSet', facts }], false));
    expect(blocks.map((b) => (b.type === 'section' ? b.fields?.length : 0))).toEqual([10, 2]);
  });

  it('escapes &, < and >, turns **bold** into *bold*, and keeps section text within 3000 characters', () => {
    const [short] = cardToBlocks(cardOf([{ type: 'TextBlock', text: 'a < b & **c** > d' }], false));
    expect(short).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'a &lt; b &amp; *c* &gt; d' } });
    const [long] = cardToBlocks(cardOf([{ type: 'TextBlock', text: '&'.repeat(2000) }], false));
    const text = long?.type === 'section' ? (long.text?.text ?? '') : '';
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/^(&amp;)+…$/);
  });

  it('rejects forms: a message cannot submit inputs', () => {
    expect(translationError(() => cardToBlocks(createFormCard())).limit).toBe('no forms in messages');
    expect(
      translationError(() => cardToBlocks(cardOf([{ type: 'Input.Text', id: 'a', label: 'A' }], false)))
        .limit,
    ).toBe('inputs only in modals');
  });

  it('rejects more than 50 blocks in a message', () => {
    const body: CardElement[] = Array.from({ length: 51 }, (_, i) => ({
      type: 'TextBlock',
      text: `line ${i}`,
    }));
    expect(translationError(() => cardToBlocks(cardOf(body, false))).limit).toBe('blocks ≤ 50');
  });

  it('gives a plain notification text made of the first two texts', () => {
    const card = sampleCards().failed as AdaptiveCard;
    expect(cardFallbackText(card)).toBe('Busy: Too many calls.');
    expect(cardToMessage(card).text).toBe('Busy: Too many calls.');
  });
});

describe('buttons in messages', () => {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'front-door', wrap: true },
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            verb: 'personGroupShow',
            title: 'Show',
            data: { verb: 'personGroupShow', personGroupId: 'front-door', kind: 'personGroup' },
          },
          {
            type: 'Action.Execute',
            verb: 'personGroupDeleteConfirm',
            title: 'Delete',
            style: 'destructive',
            data: { verb: 'personGroupDeleteConfirm', personGroupId: 'front-door' },
          },
        ],
      },
    ],
    actions: [
      {
        type: 'Action.Execute',
        verb: 'personGroupList',
        title: 'More',
        style: 'positive',
        data: { verb: 'personGroupList', start: 'front-door' },
      },
    ],
  };

  it('turns an ActionSet and the card actions into buttons whose action_id is the verb and value the data', () => {
    const blocks = cardToBlocks(card);
    const actions = blocks.filter((block) => block.type === 'actions');
    expect(actions).toHaveLength(2);
    expect(actions[0]).toMatchObject({
      elements: [
        {
          type: 'button',
          action_id: 'personGroupShow',
          value: '{"personGroupId":"front-door","kind":"personGroup"}',
        },
        { type: 'button', action_id: 'personGroupDeleteConfirm', style: 'danger' },
      ],
    });
    expect(blocks.at(-1)).toMatchObject({
      elements: [{ action_id: 'personGroupList', style: 'primary', text: { text: 'More' } }],
    });
  });

  it('refuses a button whose data is longer than Slack keeps in a value', () => {
    const long: AdaptiveCard = {
      ...card,
      actions: [{ type: 'Action.Execute', verb: 'v', title: 'Go', data: { verb: 'v', x: 'x'.repeat(2100) } }],
    };
    expect(translationError(() => cardToBlocks(long)).limit).toBe('value ≤ 2000');
  });
});
