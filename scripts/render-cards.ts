/**
 * `npm run docs:cards`: renders the cards the bot sends — the templates in cards/ expanded by src/cards,
 * so the pictures never drift from the templates — to PNGs under docs/cards/ for the README. Adaptive Cards
 * are drawn by the official `adaptivecards` library, the Slack modal (the same card translated to Block
 * Kit) by the Slack sandbox's renderer (src/sandbox/block-kit-html.ts), both in headless
 * Chromium (/usr/bin/chromium, no network).
 * Compiled by scripts/tsconfig.json to dist/scripts because Node 20 cannot run TypeScript directly.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  type AdaptiveCard,
  type CardRenderer,
  cardToModal,
  createCardRenderer,
  createFormCard,
  createOutcomeCard,
  failureCard,
  groupListCard,
  groupShowCard,
} from '../src/cards';
import { FAILURE_MESSAGES } from '../src/face/messages';
import type { FaceGroup } from '../src/face/types';
import { modalToHtml } from '../src/sandbox/block-kit-html';
import { changeCardPictures } from './change-card-pictures';
import { findRepoRoot } from './repo-root';

const CHROMIUM_PATH = '/usr/bin/chromium';

/** One picture: an Adaptive Card, or a Slack modal view with optional inline field errors. */
export type CardPicture =
  | { file: string; kind: 'adaptive'; card: AdaptiveCard }
  | { file: string; kind: 'slack-modal'; view: unknown; errors?: Record<string, string> };

const SAMPLE_AT = new Date('2026-01-15T09:30:00Z');
const SAMPLE_USER = { id: 'aad-1', name: 'Megan Bowen' };
const SAMPLE_VALUES = { personGroupId: 'front-door-staff', name: 'Front door staff' };

const TARGET = { label: 'West Europe', emulated: false };
const FRONT_DOOR: FaceGroup = {
  groupId: 'front-door-staff',
  name: 'Front door staff',
  kind: 'personGroup',
  recognitionModel: 'recognition_04',
};
const SAMPLE_GROUPS: FaceGroup[] = [
  FRONT_DOOR,
  {
    groupId: 'visitors-2026',
    name: 'Visitors 2026',
    kind: 'largePersonGroup',
    recognitionModel: 'recognition_04',
  },
  { groupId: 'warehouse', name: 'Warehouse shifts', kind: 'personGroup', recognitionModel: 'recognition_03' },
];

/** The list and show cards of the manage commands. */
function groupPictures(renderer: CardRenderer): CardPicture[] {
  const list = groupListCard(
    { kind: 'listed', groups: SAMPLE_GROUPS, prefix: '', target: TARGET, total: { count: 3, capped: false } },
    { useSubmit: false },
    renderer,
  );
  const show = groupShowCard(
    {
      kind: 'shown',
      group: { ...FRONT_DOOR, userData: 'Badge photos of the front desk team.' },
      persons: { count: 42, capped: false },
      training: { state: 'succeeded', at: new Date('2026-01-15T09:41:00Z') },
      creator: { name: SAMPLE_USER.name, platform: 'teams', at: SAMPLE_AT },
      target: TARGET,
      now: new Date('2026-01-15T12:30:00Z'),
    },
    renderer,
  );
  return [
    { file: 'teams-list.png', kind: 'adaptive', card: list },
    { file: 'teams-show.png', kind: 'adaptive', card: show },
  ];
}

/** The README's pictures: the create form, success, two errors, the Slack modal, list and show. */
export function cardPictures(renderer: CardRenderer): CardPicture[] {
  const alreadyExists = createOutcomeCard(
    {
      kind: 'failed',
      failure: {
        kind: 'already_exists',
        field: 'personGroupId',
        ...FAILURE_MESSAGES.alreadyExists('person group'),
        requestId: '3f1c9a2e-7b4d-4e0a-9c51-2d8e6b7a1f03',
      },
      values: { ...SAMPLE_VALUES, recognitionModel: 'recognition_04' },
    },
    {},
    renderer,
  );
  return [
    { file: 'teams-create-form.png', kind: 'adaptive', card: createFormCard({}, renderer) },
    {
      file: 'teams-created.png',
      kind: 'adaptive',
      card: createOutcomeCard(
        {
          kind: 'created',
          group: { ...SAMPLE_VALUES, recognitionModel: 'recognition_04' },
          target: { label: 'West Europe', emulated: false },
          by: SAMPLE_USER,
          at: SAMPLE_AT,
          requestId: 'c0a8e5d2-41f7-4b8e-9d3a-6e2f1b7c9a45',
        },
        {},
        renderer,
      ),
    },
    { file: 'teams-error-already-exists.png', kind: 'adaptive', card: alreadyExists },
    {
      file: 'teams-error-limited-access.png',
      kind: 'adaptive',
      card: failureCard(
        {
          kind: 'limited_access',
          ...FAILURE_MESSAGES.limitedAccess,
          requestId: '9b2d7c41-0e5a-4f8b-a3c6-1d9e8f7a6b52',
        },
        SAMPLE_VALUES.personGroupId,
        renderer,
      ),
    },
    {
      file: 'slack-create-modal.png',
      kind: 'slack-modal',
      view: cardToModal(createFormCard({}, renderer), {
        callbackId: 'persongroup_create',
        title: 'Create person group',
      }),
    },
    ...changeCardPictures(renderer),
    ...groupPictures(renderer),
  ];
}

/** Renders every picture into outDir; returns the files written. */
export async function renderCardPictures(root: string, outDir: string): Promise<string[]> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Chromium (apt-get install chromium)`);
  }
  mkdirSync(outDir, { recursive: true });
  const pictures = cardPictures(createCardRenderer({ dir: join(root, 'cards') }));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    // Offline on purpose: nothing on the stage may depend on the network.
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(readFileSync(join(root, 'scripts', 'render-cards.html'), 'utf8'));
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    // The Slack sandbox's stylesheet: the modal picture looks as the sandbox page draws it.
    await page.addStyleTag({ path: join(root, 'src', 'sandbox', 'page', 'block-kit.css') });
    const written: string[] = [];
    for (const picture of pictures) {
      if (picture.kind === 'adaptive') {
        await page.evaluate(([card]) => (globalThis as unknown as StageApi).renderAdaptiveCard(card, false), [
          picture.card,
        ] as const);
      } else {
        const html = modalToHtml(picture.view, { errors: picture.errors ?? {} });
        await page.evaluate(([markup]) => (globalThis as unknown as StageApi).renderHtml(markup), [
          html,
        ] as const);
      }
      const file = join(outDir, picture.file);
      await page.locator('#stage').screenshot({ path: file });
      written.push(file);
    }
    return written;
  } finally {
    await browser.close();
  }
}

/** The functions render-cards.html defines on the page. */
interface StageApi {
  renderAdaptiveCard(card: unknown, validate: boolean): number;
  renderHtml(html: string): number;
}

if (require.main === module) {
  const root = findRepoRoot(__dirname);
  renderCardPictures(root, join(root, 'docs', 'cards')).then(
    (files) => {
      for (const file of files) console.log(`docs:cards: wrote ${file.slice(root.length + 1)}`);
    },
    (error: unknown) => {
      console.error(`docs:cards: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
