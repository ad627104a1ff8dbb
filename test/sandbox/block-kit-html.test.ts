import { cardToBlocks, cardToModal } from '../../src/cards/block-kit';
import { createFormCard } from '../../src/cards/outcome-cards';
import { blocksToHtml, messageToHtml, modalToHtml } from '../../src/sandbox/block-kit-html';
import { mrkdwnToHtml } from '../../src/sandbox/mrkdwn-html';
import { sampleCards } from '../cards/card-samples';

/** Every card of the bot, as the translator makes it for Slack: a modal when it has actions, else blocks. */
function translatedSamples(): Array<[string, unknown]> {
  return Object.entries(sampleCards()).map(([name, card]) => [
    name,
    (card.actions ?? []).length > 0
      ? cardToModal(card, { callbackId: 'cb', title: 'Sample' }).blocks
      : cardToBlocks(card),
  ]);
}

describe('Block Kit as HTML', () => {
  test.each(translatedSamples())('draws every block of the %s card, none as unsupported', (_name, blocks) => {
    const html = blocksToHtml(blocks);
    expect(html).not.toContain('bk-unsupported');
    expect(html.length).toBeGreaterThan(0);
  });

  test('the create modal has its title, labelled inputs, hints, the pre-selected model and both buttons', () => {
    const view = cardToModal(createFormCard({ values: { personGroupId: 'staff' } }), {
      callbackId: 'persongroup_create',
      title: 'Create person group',
    });
    const html = modalToHtml(view, { viewId: 'V1' });
    expect(html).toContain('<h2>Create person group</h2>');
    expect(html).toContain('data-view-id="V1"');
    expect(html).toMatch(/<label class="bk-label" for="bk-\d+">Person group id<\/label>/);
    expect(html).toMatch(
      /<input [^>]*data-block-id="personGroupId" data-action-id="personGroupId"[^>]*value="staff">/,
    );
    expect(html).toMatch(/<input [^>]*maxlength="64"/);
    expect(html).toMatch(/<textarea [^>]*data-block-id="userData"/);
    expect(html).toContain('<span class="bk-optional">(optional)</span>');
    expect(html).toContain('<option value="recognition_04" selected>');
    expect(html).toContain('class="bk-hint"');
    expect(html).toContain('<button type="submit" class="bk-button bk-primary">Create</button>');
    expect(html).toContain('>Cancel</button>');
  });

  test('field errors appear under their block, and a notice above the blocks', () => {
    const view = cardToModal(createFormCard({}), { callbackId: 'persongroup_create', title: 'Create' });
    const html = modalToHtml(view, { errors: { personGroupId: 'Use a–z.' }, notice: 'Try again?' });
    expect(html).toContain('data-error-for="personGroupId">Use a–z.</div>');
    expect(html).toContain('data-error-for="name"></div>');
    expect(html).toContain('<div class="bk-notice" role="alert">Try again?</div>');
  });

  test('texts from the bot are escaped, never taken as markup', () => {
    const html = blocksToHtml([
      { type: 'header', text: { type: 'plain_text', text: '<img src=x onerror=alert(1)>' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'a &lt;b&gt; "quoted" <javascript:alert(1)|click>' } },
      {
        type: 'input',
        block_id: 'x"><script>',
        label: { type: 'plain_text', text: 'L' },
        element: { type: 'plain_text_input', action_id: 'a', initial_value: '"><script>alert(1)</script>' },
      },
    ]);
    expect(html).not.toMatch(/<(img|script)/);
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a &lt;b&gt; &quot;quoted&quot;');
  });

  test('a block type it does not draw is shown as a note, not dropped', () => {
    expect(blocksToHtml([{ type: 'video' }])).toContain('The sandbox does not draw this video block.');
  });

  test('buttons in actions blocks carry their block, action and value for the click', () => {
    const html = blocksToHtml([
      {
        type: 'actions',
        block_id: 'row',
        elements: [
          {
            type: 'button',
            action_id: 'personGroupShow',
            value: 'staff',
            text: { type: 'plain_text', text: 'Show' },
          },
          { type: 'button', action_id: 'x', style: 'danger', text: { type: 'plain_text', text: 'Delete' } },
        ],
      },
    ]);
    expect(html).toContain(
      'data-block-id="row" data-action-id="personGroupShow" data-value="staff">Show</button>',
    );
    expect(html).toContain('class="bk-button bk-danger"');
  });

  test('a message without blocks shows its text as mrkdwn', () => {
    expect(messageToHtml({ text: 'Made *staff*', blocks: [] })).toBe(
      '<div class="bk-section">Made <b>staff</b></div>',
    );
  });
});

describe('mrkdwn as HTML', () => {
  test('bold, italic, strike and code are drawn; underscores inside ids are kept', () => {
    expect(mrkdwnToHtml('*bold* _it_ ~gone~ `front_door_staff` front_door_staff')).toBe(
      '<b>bold</b> <i>it</i> <s>gone</s> <code class="bk-code">front_door_staff</code> front_door_staff',
    );
  });

  test('mentions use the names given, links keep only http(s) and mailto, emoji shortcodes are drawn', () => {
    const html = mrkdwnToHtml('<@U1> see <https://aka.ms/x|docs> :warning: :unknown_one:\nnext', {
      users: { U1: 'ann' },
    });
    expect(html).toBe(
      '<span class="bk-mention">@ann</span> see <a href="https://aka.ms/x" target="_blank" rel="noopener noreferrer">docs</a> ⚠️ :unknown_one:<br>next',
    );
  });
});
