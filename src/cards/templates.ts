/**
 * Loads the Adaptive Card templates of cards/ and expands them with adaptivecards-templating. The folder
 * is injectable so tests can prove that both platforms render from the same file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from './adaptive-card';
import type { CardDataByName, CardName } from './card-data';
import { CardTemplateError } from './card-template-error';

/** cards/ at the repository root: two levels up both from src/cards (ts) and from dist/cards (compiled). */
export const DEFAULT_CARDS_DIR = path.resolve(__dirname, '../../cards');

/** Expands the templates of one folder; templates are read once and cached. */
export interface CardRenderer {
  readonly dir: string;
  /** Expands the template `name` with `data` into an Adaptive Card. Throws CardTemplateError. */
  expand<N extends CardName>(name: N, data: CardDataByName[N]): AdaptiveCard;
  /** Reads and caches the templates now, so a missing or broken file fails at start-up. */
  preload(names: readonly CardName[]): void;
}

export function createCardRenderer(options: { dir?: string } = {}): CardRenderer {
  const dir = options.dir ?? DEFAULT_CARDS_DIR;
  const cache = new Map<CardName, Template>();

  const load = (name: CardName): Template => {
    const cached = cache.get(name);
    if (cached) return cached;
    const file = path.join(dir, `${name}.json`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CardTemplateError(name, 'unreadable', file, { cause: error });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch (error) {
      throw new CardTemplateError(name, 'not_json', file, { cause: error });
    }
    const template = new Template(payload);
    cache.set(name, template);
    return template;
  };

  return {
    dir,
    expand(name, data) {
      const expanded: unknown = load(name).expand({ $root: data });
      if (!isAdaptiveCard(expanded))
        throw new CardTemplateError(name, 'not_a_card', path.join(dir, `${name}.json`));
      return expanded;
    },
    preload(names) {
      for (const name of names) load(name);
    },
  };
}

function isAdaptiveCard(value: unknown): value is AdaptiveCard {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as { type?: unknown; body?: unknown };
  return card.type === 'AdaptiveCard' && Array.isArray(card.body);
}

/** The renderer of the repository's cards/ folder. */
export const defaultCardRenderer: CardRenderer = createCardRenderer();

/** Expands a template of the repository's cards/ folder. */
export function expandCard<N extends CardName>(name: N, data: CardDataByName[N]): AdaptiveCard {
  return defaultCardRenderer.expand(name, data);
}
