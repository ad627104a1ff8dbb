/** Helpers shared by the card tests: a sample of every card, and lookups by element id. */
import type { AdaptiveCard, CardElement } from '../../src/cards/adaptive-card';
import {
  configFormCard,
  configureOutcomeCard,
  createFormCard,
  createOutcomeCard,
  failureCard,
  notConfiguredCard,
  noticeCard,
  usageCard,
} from '../../src/cards/outcome-cards';
import { trainingCard } from '../../src/cards/training-cards';
import { changeCardSamples } from './change-card-samples';

export const AT = new Date('2026-11-26T04:15:42Z');
export const ANN = { id: 'U123', name: 'Ann Example' };

/** One expanded card per template (and per main variant), with every optional part present. */
export function sampleCards(): Record<string, AdaptiveCard> {
  return {
    'create form': createFormCard({
      values: { personGroupId: 'staff', name: 'Staff' },
      errors: [{ field: 'name', message: 'Too long.' }],
      banners: [{ style: 'attention', title: 'Busy', text: 'Try again.' }],
      emulated: true,
    }),
    'create form (Action.Submit)': createFormCard({ useSubmit: true }),
    created: createOutcomeCard({
      kind: 'created',
      group: { personGroupId: 'staff', name: 'Staff', recognitionModel: 'recognition_04' },
      target: { label: 'the built-in Face emulator', emulated: true },
      by: ANN,
      at: AT,
      requestId: 'req-1',
    }),
    failed: failureCard(
      {
        kind: 'rate_limited',
        title: 'Busy',
        detail: 'Too many calls.',
        remedy: 'Wait.',
        requestId: 'req-2',
        retryAfterSeconds: 30,
      },
      'staff',
    ),
    'not configured': notConfiguredCard('staff'),
    'config form': configFormCard({
      values: { region: 'westus' },
      errors: [{ field: 'endpoint', message: 'Not https.' }],
      banners: [{ style: 'attention', title: 'Refused', text: 'Check the key.' }],
    }),
    configured: configureOutcomeCard({
      kind: 'configured',
      workspaceId: 'slack:T1',
      target: { label: 'West US', emulated: false },
      keyHint: '…abcd',
      by: ANN,
      at: AT,
    }),
    usage: usageCard(
      [
        { usage: '/persongroup create [id [name…]]', summary: 'Opens the form.' },
        { usage: '/persongroup help', summary: 'Shows this help.' },
      ],
      'In a channel, mention the bot first.',
    ),
    notice: noticeCard('Only admins', 'Ask an admin.', 'attention'),
    'training running (with refresh)': trainingCard(
      {
        kind: 'status',
        group: { personGroupId: 'staff', kind: 'largePersonGroup' },
        target: { label: 'West US', emulated: false },
        state: 'running',
      },
      { useSubmit: false },
    ),
    'training failed': trainingCard(
      {
        kind: 'status',
        group: { personGroupId: 'staff', kind: 'personGroup' },
        target: { label: 'West US', emulated: false },
        state: 'failed',
        serviceMessage: 'There is no face in the group.',
        failure: {
          kind: 'nothing_to_train',
          title: 'Nothing to train',
          detail: 'No faces.',
          remedy: 'Add faces.',
        },
      },
      { useSubmit: true },
    ),
    'training of an id both kinds hold': trainingCard(
      { kind: 'ambiguous', personGroupId: 'staff' },
      { useSubmit: false },
    ),
    ...changeCardSamples(),
  };
}

/** Every element of a card, containers and columns included, in reading order. */
export function allElements(elements: readonly CardElement[]): CardElement[] {
  return elements.flatMap((element) => {
    if (element.type === 'Container') return [element, ...allElements(element.items)];
    if (element.type === 'ColumnSet')
      return [element, ...element.columns.flatMap((c) => allElements(c.items))];
    return [element];
  });
}

export function elementById(card: AdaptiveCard, id: string): CardElement | undefined {
  return allElements(card.body).find((element) => element.id === id);
}

export function inputIds(card: AdaptiveCard): string[] {
  return allElements(card.body).flatMap((e) =>
    e.type === 'Input.Text' || e.type === 'Input.ChoiceSet' ? [e.id] : [],
  );
}

/** All texts of a card (TextBlocks and facts), to look for a phrase. */
export function cardText(card: AdaptiveCard): string {
  return allElements(card.body)
    .flatMap((e) => {
      if (e.type === 'TextBlock') return [e.text];
      if (e.type === 'FactSet') return e.facts.map((f) => `${f.title}: ${f.value}`);
      return [];
    })
    .join('\n');
}
