/** The README's pictures of the edit and delete flows (drawn by render-cards.ts with the others). */
import { cardToModal } from '../src/cards/block-kit';
import { deleteFormCard, editFormCard } from '../src/cards/group-change-cards';
import type { CardRenderer } from '../src/cards/templates';
import { CHANGE_TEXTS } from '../src/commands/change-texts';
import type { CardPicture } from './render-cards';

const GROUP = {
  groupId: 'front-door-staff',
  kind: 'personGroup' as const,
  name: 'Front door staff',
  recognitionModel: 'recognition_04' as const,
};

export function changeCardPictures(renderer: CardRenderer): CardPicture[] {
  return [
    {
      file: 'teams-edit-form.png',
      kind: 'adaptive',
      card: editFormCard(
        GROUP,
        { values: { name: 'Front door staff', userData: 'Building A, ground floor' }, useSubmit: false },
        renderer,
      ),
    },
    {
      file: 'teams-delete-confirm.png',
      kind: 'adaptive',
      card: deleteFormCard(GROUP, { useSubmit: false }, renderer),
    },
    {
      file: 'slack-delete-mistyped.png',
      kind: 'slack-modal',
      view: cardToModal(deleteFormCard(GROUP, { useSubmit: false }, renderer), {
        callbackId: 'persongroup_delete',
        title: CHANGE_TEXTS.deleteTitle,
      }),
      errors: { confirmId: CHANGE_TEXTS.mistyped(GROUP.groupId) },
    },
  ];
}
