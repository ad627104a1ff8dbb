import type { types as slack, ViewStateValue } from '@slack/bolt';
import fc from 'fast-check';
import { cardToModal, readModalValues } from '../../src/cards/block-kit';
import { escapeMrkdwn, truncate } from '../../src/cards/block-kit-limits';
import { configFormCard, createFormCard } from '../../src/cards/outcome-cards';

/** What Slack sends back in view.state.values when the user submits a modal without editing it. */
function untouchedState(view: slack.ModalView): Record<string, Record<string, ViewStateValue>> {
  const state: Record<string, Record<string, ViewStateValue>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input') continue;
    const input = (block as slack.InputBlock).element;
    const id = input.action_id ?? '';
    if (input.type === 'plain_text_input') {
      state[(block as slack.InputBlock).block_id ?? ''] = {
        [id]: { type: input.type, value: input.initial_value ?? null },
      };
    } else if (input.type === 'static_select') {
      const option = input.initial_option;
      state[(block as slack.InputBlock).block_id ?? ''] = {
        [id]: {
          type: input.type,
          selected_option: option
            ? { text: option.text as slack.PlainTextElement, value: option.value ?? '' }
            : null,
        },
      };
    }
  }
  return state;
}

describe('readModalValues', () => {
  it('round-trips the prefilled create form: what the modal shows is what is read back', () => {
    const values = {
      personGroupId: 'staff',
      name: 'Front <door> & co',
      userData: 'line 1\nline 2',
      recognitionModel: 'recognition_02',
      kind: 'largePersonGroup',
    };
    const view = cardToModal(createFormCard({ values }), { callbackId: 'persongroup_create' });
    expect(readModalValues(untouchedState(view))).toEqual(values);
  });

  it('reads empty inputs and an unselected select as empty strings', () => {
    const view = cardToModal(configFormCard(), { callbackId: 'workspace_configure' });
    // The region-or-endpoint choice is pre-selected: a region, the common case.
    expect(readModalValues(untouchedState(view))).toEqual({
      target: 'region',
      region: '',
      endpoint: '',
      subscriptionKey: '',
    });
  });

  it('reads a chosen option by its value, not its text', () => {
    const state = {
      region: {
        region: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text' as const, text: 'West US' }, value: 'westus' },
        },
      },
      endpoint: { endpoint: { type: 'plain_text_input', value: 'https://x.cognitiveservices.azure.com' } },
    };
    expect(readModalValues(state)).toEqual({
      region: 'westus',
      endpoint: 'https://x.cognitiveservices.azure.com',
    });
  });
  it('skips a block or an action state that is null or not an object, as a field not sent', () => {
    const state = {
      personGroupId: null,
      name: { name: null },
      userData: 'text',
      extra: [{ type: 'plain_text_input', value: 'x' }],
      recognitionModel: { recognitionModel: { type: 'static_select', selected_option: null } },
      other: { a: { type: 'plain_text_input', value: 'kept' }, b: 7 },
    };
    expect(readModalValues(state)).toEqual({ recognitionModel: '', a: 'kept' });
  });

  it('reads a selected_option that is not an object as no choice', () => {
    const state = { model: { model: { type: 'static_select', selected_option: 'recognition_04' } } };
    expect(readModalValues(state)).toEqual({ model: '' });
  });
});

describe('text limits', () => {
  it('truncate never exceeds the limit, keeps short texts whole and never leaves half a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 2, max: 40 }),
        (text, max) => {
          const out = truncate(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          if (text.length <= max) expect(out).toBe(text);
          expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        },
      ),
    );
  });

  it('escapeMrkdwn never exceeds the limit and never cuts an entity in half', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('&', '<', '>', 'a', 'é'), maxLength: 80 }),
        fc.integer({ min: 6, max: 60 }),
        (text, max) => {
          const out = escapeMrkdwn(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[&<>]/);
        },
      ),
    );
  });
});
