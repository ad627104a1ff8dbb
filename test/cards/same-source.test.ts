/**
 * A form is written once: the Teams card and the Slack modal both come from the template file. Changing
 * a label in a copy of cards/ changes it on both platforms.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { types as slack } from '@slack/bolt';
import { cardToModal } from '../../src/cards/block-kit';
import { createFormCard } from '../../src/cards/outcome-cards';
import { createCardRenderer, DEFAULT_CARDS_DIR } from '../../src/cards/templates';
import { elementById } from './card-samples';

describe('one template for both platforms', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cards-copy-'));
    cpSync(DEFAULT_CARDS_DIR, dir, { recursive: true });
    const file = path.join(dir, 'persongroup-create.json');
    const template = readFileSync(file, 'utf8');
    expect(template).toContain('"label": "Name"');
    writeFileSync(file, template.replace('"label": "Name"', '"label": "Display name of the group"'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a label changed in the template file shows in the Teams card and in the Slack modal', () => {
    const renderer = createCardRenderer({ dir });
    const card = createFormCard({}, renderer);
    expect(elementById(card, 'name')).toMatchObject({ label: 'Display name of the group' });

    const view = cardToModal(card, { callbackId: 'persongroup_create' });
    const name = view.blocks.find((b): b is slack.InputBlock => b.type === 'input' && b.block_id === 'name');
    expect(name?.label.text).toBe('Display name of the group');
  });

  it('the default renderer still reads the repository templates', () => {
    expect(elementById(createFormCard(), 'name')).toMatchObject({ label: 'Name' });
  });
});
