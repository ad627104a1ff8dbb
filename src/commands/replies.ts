/** Small builders the commands share. */
import type { TextColor } from '../cards/adaptive-card';
import { noticeCard } from '../cards/outcome-cards';
import { COMMAND_TEXTS } from './texts';
import type { Reply } from './types';

/** A short message with a title and one text. */
export function noticeReply(title: string, text: string, color: TextColor = 'attention'): Reply {
  return { card: noticeCard(title, text, color), text: COMMAND_TEXTS.noticeLine(title, text) };
}
