import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import { cardToBlocks, cardToModal } from '../../src/cards/block-kit';
import { editFormCard, kindChoiceCard } from '../../src/cards/group-change-cards';
import { CHANGE_TEXTS } from '../../src/commands/change-texts';
import { inputIds } from './card-samples';
import { changeCardSamples } from './change-card-samples';

const samples = changeCardSamples();
const submitOf = (card: AdaptiveCard) => card.actions?.[0] as { type: string; verb?: string; data: object };

describe('the edit and delete cards', () => {
  it('the edit form has inputs name and userData only, and carries the id and kind in its submit data', () => {
    const card = samples['edit form'] as AdaptiveCard;
    expect(inputIds(card)).toEqual(['name', 'userData']);
    expect(submitOf(card)).toMatchObject({
      type: 'Action.Execute',
      verb: 'personGroupUpdate',
      data: { verb: 'personGroupUpdate', personGroupId: 'staff', kind: 'personGroup' },
    });
    expect(JSON.stringify(card.body)).toContain('recognition_04');
  });

  it('the edit form leaves the user data input out when it is kept, saying why', () => {
    const card = samples['edit form (user data kept, Action.Submit)'] as AdaptiveCard;
    expect(inputIds(card)).toEqual(['name']);
    expect(JSON.stringify(card)).toContain(CHANGE_TEXTS.userDataKept);
    expect(submitOf(card)).toMatchObject({ type: 'Action.Submit', data: { kind: 'largePersonGroup' } });
  });

  it('the edit form does not put a long user data into its input but prefills a short one', () => {
    const card = editFormCard(
      { groupId: 'g', kind: 'personGroup' },
      { values: { name: 'G', userData: 'x'.repeat(4000) }, userDataNote: 'kept', useSubmit: false },
    );
    expect(JSON.stringify(card)).not.toContain('x'.repeat(4000));
  });

  it('the delete confirmation asks for the id in confirmId and submits personGroupDelete with id and kind', () => {
    const card = samples['delete confirmation'] as AdaptiveCard;
    expect(inputIds(card)).toEqual(['confirmId']);
    expect(submitOf(card)).toMatchObject({
      verb: 'personGroupDelete',
      data: { verb: 'personGroupDelete', personGroupId: 'staff', kind: 'personGroup' },
    });
  });

  it('both forms become Slack modals with a block per input, keyed by the input id', () => {
    for (const name of ['edit form', 'delete confirmation']) {
      const modal = cardToModal(samples[name] as AdaptiveCard, {
        callbackId: 'x',
        title: 'Edit person group',
      });
      const blockIds = modal.blocks.flatMap((block) => (block.type === 'input' ? [block.block_id] : []));
      expect(blockIds).toEqual(name === 'edit form' ? ['name', 'userData'] : ['confirmId']);
    }
  });

  it('the kind choice puts each kind in its own Slack actions block (action_ids are unique per block)', () => {
    const card = kindChoiceCard(
      'staff',
      ['personGroup', 'largePersonGroup'],
      CHANGE_TEXTS.whichKind('staff', 'edit'),
      'personGroupEdit',
      false,
    );
    const actions = cardToBlocks(card).filter((block) => block.type === 'actions');
    expect(actions).toHaveLength(2);
    const buttons = actions.map((block) => (block.type === 'actions' ? block.elements[0] : undefined));
    expect(buttons.map((button) => (button as { value: string }).value)).toEqual([
      JSON.stringify({ personGroupId: 'staff', kind: 'personGroup' }),
      JSON.stringify({ personGroupId: 'staff', kind: 'largePersonGroup' }),
    ]);
    expect(buttons.every((button) => (button as { action_id: string }).action_id === 'personGroupEdit')).toBe(
      true,
    );
  });
});
