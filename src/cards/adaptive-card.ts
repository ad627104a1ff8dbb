/**
 * The subset of the Adaptive Card 1.5 schema our templates use, as the expanded JSON looks. The translator
 * to Block Kit switches on `type`; anything outside these shapes is rejected there, not silently dropped.
 */

export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: string;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  style?: 'default' | 'heading';
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: TextColor;
  isSubtle?: boolean;
  wrap?: boolean;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface InputText extends ElementBase {
  type: 'Input.Text';
  id: string;
  label?: string;
  isRequired?: boolean;
  regex?: string;
  maxLength?: number;
  errorMessage?: string;
  placeholder?: string;
  value?: string;
  isMultiline?: boolean;
  style?: 'text' | 'tel' | 'url' | 'email' | 'password';
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet extends ElementBase {
  type: 'Input.ChoiceSet';
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
  placeholder?: string;
  value?: string;
  style?: 'compact' | 'expanded' | 'filtered';
  isMultiSelect?: boolean;
  choices: Choice[];
}

export interface Container extends ElementBase {
  type: 'Container';
  style?: ContainerStyle;
  items: CardElement[];
}

export interface Column extends ElementBase {
  type: 'Column';
  width?: string | number;
  items: CardElement[];
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

/** A row of buttons inside the card's body (e.g. Show / Train / Delete on each row of a list). */
export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

export type CardElement =
  | TextBlock
  | FactSet
  | InputText
  | InputChoiceSet
  | Container
  | ColumnSet
  | ActionSet;

/** Data every submit action carries; inputs are merged into it by id when the user submits. */
export interface ActionData {
  verb: string;
  [key: string]: unknown;
}

export interface ActionExecute {
  type: 'Action.Execute';
  verb: string;
  title: string;
  style?: 'default' | 'positive' | 'destructive';
  data: ActionData;
  /** What clients without Universal Actions (Adaptive Cards < 1.4) show instead: the same submit. */
  fallback?: ActionSubmit | 'drop';
}

export interface ActionSubmit {
  type: 'Action.Submit';
  title: string;
  style?: 'default' | 'positive' | 'destructive';
  data: ActionData;
}

export type CardAction = ActionExecute | ActionSubmit;

/**
 * Universal Actions' refresh: a Teams client viewing the card invokes `action` to get its current version
 * (automatically in conversations of up to 60 members when `userIds` is absent). Slack ignores it.
 */
export interface CardRefresh {
  action: ActionExecute;
  userIds?: string[];
}

/** An expanded Adaptive Card, ready to send as an attachment or to return from an invoke. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: CardRefresh;
}

/** The attachment content type Teams expects for an Adaptive Card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
