/**
 * Slack's text formats as HTML, for the sandbox page and the README pictures: `mrkdwn` (bold, italic,
 * strike, code, links, mentions, emoji shortcodes) and `plain_text` (emoji shortcodes only). Every text
 * the bot sent is escaped here; nothing from a view reaches the page as markup.
 */

/** User and channel ids → names, for `<@U…>` and `<#C…>`. */
export interface NameBook {
  users?: Readonly<Record<string, string>>;
  channels?: Readonly<Record<string, string>>;
}

/** The shortcodes our cards use, plus a few common ones; any other `:name:` stays as typed. */
const EMOJI: Readonly<Record<string, string>> = {
  warning: '⚠️',
  white_check_mark: '✅',
  information_source: 'ℹ️',
  x: '❌',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  tada: '🎉',
  lock: '🔒',
  key: '🔑',
  bust_in_silhouette: '👤',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A plain_text object's text: escaped, emoji shortcodes drawn when `emoji` is not false. */
export function plainTextToHtml(text: string, emoji = true): string {
  const escaped = escapeHtml(text);
  return emoji ? withEmoji(escaped) : escaped;
}

/**
 * A mrkdwn text as HTML. Slack escapes `&`, `<` and `>` in mrkdwn, so a raw `<…>` is always a link,
 * mention or special: those are read first, the text between them is unescaped, escaped for HTML and
 * formatted.
 */
export function mrkdwnToHtml(text: string, names: NameBook = {}): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/<([^<>]*)>/g)) {
    out += formatText(text.slice(last, match.index));
    out += specialToHtml(match[1] ?? '', names);
    last = match.index + match[0].length;
  }
  out += formatText(text.slice(last));
  return out;
}

/** `@U1|name`, `#C1|name`, `!here`, `https://…|label`, `mailto:…|label`. */
function specialToHtml(inner: string, names: NameBook): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : unescapeSlack(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="bk-mention">@${escapeHtml(label ?? names.users?.[id] ?? id)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `<span class="bk-mention">#${escapeHtml(label ?? names.channels?.[id] ?? id)}</span>`;
  }
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0] ?? '';
    return `<span class="bk-mention">@${escapeHtml(label ?? word)}</span>`;
  }
  const url = unescapeSlack(target);
  if (/^(https?:|mailto:)/i.test(url)) {
    return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label ?? url)}</a>`;
  }
  return escapeHtml(`<${unescapeSlack(inner)}>`);
}

/** Code spans and blocks first (nothing is formatted inside them), then bold, italic and strike. */
function formatText(raw: string): string {
  const parts = unescapeSlack(raw).split(/(```[\s\S]*?```|`[^`\n]+`)/);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) {
        const fenced = part.startsWith('```');
        const code = escapeHtml(fenced ? part.slice(3, -3) : part.slice(1, -1));
        return fenced ? `<pre class="bk-pre">${code}</pre>` : `<code class="bk-code">${code}</code>`;
      }
      return withEmoji(emphasis(escapeHtml(part))).replace(/\n/g, '<br>');
    })
    .join('');
}

/** Slack's emphasis markers count only at word edges: `front_door_staff` keeps its underscores. */
function emphasis(html: string): string {
  const edge = (marker: string) =>
    new RegExp(`(^|[\\s(\\[])\\${marker}([^\\${marker}\\n]+?)\\${marker}(?=$|[\\s.,;:!?)\\]])`, 'g');
  return html
    .replace(edge('*'), '$1<b>$2</b>')
    .replace(edge('_'), '$1<i>$2</i>')
    .replace(edge('~'), '$1<s>$2</s>');
}

function withEmoji(html: string): string {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}

function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
