/**
 * Each expanded card must parse cleanly in the official `adaptivecards` renderer library (what Teams-like
 * hosts build on). Its `lib/` build is extension-less ESM that Node cannot load, so the UMD bundle in
 * `dist/` is used; parsing and validation need no DOM.
 */
import { sampleCards } from './card-samples';

type AdaptiveCardsModule = typeof import('adaptivecards');
// The package's ESM build cannot be loaded by Node; its UMD bundle can (see above).
const AC: AdaptiveCardsModule = require('adaptivecards/dist/adaptivecards.js');

function parseEvents(json: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) events.push(event.message);
  return events;
}

describe('the expanded cards in the adaptivecards library', () => {
  it.each(Object.entries(sampleCards()))(
    '%s parses and validates with no warnings or errors',
    (_name, card) => {
      expect(parseEvents(card)).toEqual([]);
    },
  );

  it('the check can fail: an unknown element type is reported', () => {
    expect(parseEvents({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Foo' }] })).not.toEqual(
      [],
    );
  });
});
