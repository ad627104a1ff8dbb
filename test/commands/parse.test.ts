import { parseTypedCommand } from '../../src/commands/parse';

describe('parseTypedCommand', () => {
  it('reads create with an id and a name of several words, keeping the spacing of the name', () => {
    expect(parseTypedCommand('create front-door Front door  staff')).toEqual({
      name: 'create',
      words: ['front-door', 'Front', 'door', 'staff'],
      rest: 'front-door Front door  staff',
      typed: 'create front-door Front door  staff',
    });
  });

  it('lower-cases the name and reads it alone with no arguments', () => {
    expect(parseTypedCommand('  CREATE ')).toMatchObject({ name: 'create', words: [], rest: '' });
  });

  it('drops a leading slash and the word persongroup, whatever their case', () => {
    expect(parseTypedCommand('/PersonGroup Create abc')).toMatchObject({ name: 'create', words: ['abc'] });
  });

  it('keeps the case of the arguments so the rules can refuse an upper-case id', () => {
    expect(parseTypedCommand('create ABC').words).toEqual(['ABC']);
  });

  it('reads an empty text and a bare /persongroup as no name', () => {
    expect(parseTypedCommand('').name).toBe('');
    expect(parseTypedCommand('/persongroup').name).toBe('');
  });

  it('keeps what was typed after persongroup, to quote back what was not understood', () => {
    expect(parseTypedCommand('persongroup frobnicate abc').typed).toBe('frobnicate abc');
  });

  it('does not take a word that only starts with persongroup for the command word', () => {
    expect(parseTypedCommand('persongroups list').name).toBe('persongroups');
  });
});
