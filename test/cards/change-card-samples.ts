/** Samples of the edit and delete flows' cards, for the tests that go over every card (card-samples.ts). */
import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import {
  deletedCard,
  deleteFormCard,
  editFormCard,
  kindChoiceCard,
  updatedCard,
} from '../../src/cards/group-change-cards';
import { CHANGE_TEXTS } from '../../src/commands/change-texts';

const AT = new Date('2026-11-26T04:15:42Z');
const ANN = { id: 'U123', name: 'Ann Example' };
const GROUP = {
  groupId: 'staff',
  kind: 'personGroup' as const,
  name: 'Staff',
  recognitionModel: 'recognition_04' as const,
};

export function changeCardSamples(): Record<string, AdaptiveCard> {
  return {
    'edit form': editFormCard(GROUP, {
      values: { name: 'Staff', userData: 'floor 2' },
      errors: [{ field: 'name', message: 'Too long.' }],
      banners: [{ style: 'attention', title: 'Busy', text: 'Try again.' }],
      useSubmit: false,
    }),
    'edit form (user data kept, Action.Submit)': editFormCard(
      { ...GROUP, kind: 'largePersonGroup' },
      { values: { name: 'Staff' }, userDataNote: CHANGE_TEXTS.userDataKept, useSubmit: true },
    ),
    'delete confirmation': deleteFormCard(GROUP, {
      error: CHANGE_TEXTS.mistyped('staff'),
      banners: [{ style: 'attention', title: 'Busy', text: 'Try again.' }],
      useSubmit: false,
    }),
    'delete confirmation (Action.Submit)': deleteFormCard(GROUP, { useSubmit: true }),
    updated: updatedCard({
      kind: 'updated',
      group: { personGroupId: 'staff', kind: 'personGroup', name: 'Staff', userData: 'floor 2' },
      target: { label: 'West US', emulated: false },
      by: ANN,
      at: AT,
      requestId: 'req-3',
    }),
    deleted: deletedCard({
      kind: 'deleted',
      personGroupId: 'staff',
      groupKind: 'largePersonGroup',
      target: { label: 'the built-in Face emulator', emulated: true },
      by: ANN,
      at: AT,
      requestId: 'req-4',
    }),
    'kind choice': kindChoiceCard(
      'staff',
      ['personGroup', 'largePersonGroup'],
      CHANGE_TEXTS.whichKind('staff', 'delete'),
      'personGroupDeleteConfirm',
      false,
    ),
    'kind choice (Action.Submit)': kindChoiceCard(
      'staff',
      ['personGroup', 'largePersonGroup'],
      CHANGE_TEXTS.whichKind('staff', 'edit'),
      'personGroupEdit',
      true,
    ),
  };
}
