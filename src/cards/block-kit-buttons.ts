/**
 * Card actions → a Block Kit `actions` block of buttons. The button's action_id is the action's verb (so
 * the Slack adapter routes it through the command table as Teams routes the verb) and its value the
 * action's data as JSON, the verb left out.
 */
import type * as slack from '@slack/types';
import type { CardAction } from './adaptive-card';
import { checkIdLength, SLACK_LIMITS as L, truncate } from './block-kit-limits';
import { CardTranslationError } from './card-translation-error';

export function buttonsBlock(actions: readonly CardAction[]): slack.ActionsBlock {
  if (actions.length > L.actionsElements) {
    throw new CardTranslationError(
      'ActionSet',
      `buttons ≤ ${L.actionsElements}`,
      `${actions.length} actions`,
    );
  }
  return { type: 'actions', elements: actions.map(button) };
}

function button(action: CardAction): slack.Button {
  const verb = action.type === 'Action.Execute' ? action.verb : action.data.verb;
  const actionId = checkIdLength(`button "${action.title}"`, 'action_id', verb, L.actionId);
  const { verb: _verb, ...data } = action.data;
  const value = JSON.stringify(data);
  if (value.length > L.buttonValue) {
    throw new CardTranslationError(
      `button "${action.title}"`,
      `value ≤ ${L.buttonValue}`,
      `${value.length} characters`,
    );
  }
  const element: slack.Button = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(action.title, L.buttonText), emoji: true },
    value,
  };
  if (action.style === 'positive') element.style = 'primary';
  if (action.style === 'destructive') element.style = 'danger';
  return element;
}
