import { parseCommand } from '../../src/provisioning/parse-command';

describe('parseCommand', () => {
  it('reads create with an id and a name of several words as the prefill', () => {
    expect(parseCommand('create front-door Front door staff')).toEqual({
      kind: 'create',
      prefill: { personGroupId: 'front-door', name: 'Front door staff' },
    });
  });

  it('reads create alone as an empty prefill', () => {
    expect(parseCommand('  CREATE ')).toEqual({ kind: 'create', prefill: {} });
  });

  it('drops a leading slash and the word persongroup, whatever their case', () => {
    expect(parseCommand('/PersonGroup Create abc')).toEqual({
      kind: 'create',
      prefill: { personGroupId: 'abc' },
    });
  });

  it('keeps the case of the id so the rules can refuse upper case', () => {
    expect(parseCommand('create ABC')).toEqual({ kind: 'create', prefill: { personGroupId: 'ABC' } });
  });

  it('reads config, help and an empty text', () => {
    expect(parseCommand('config')).toEqual({ kind: 'config' });
    expect(parseCommand('help')).toEqual({ kind: 'help' });
    expect(parseCommand('')).toEqual({ kind: 'help' });
    expect(parseCommand('/persongroup')).toEqual({ kind: 'help' });
  });

  it('reports anything else as unknown with the text', () => {
    expect(parseCommand('delete abc')).toEqual({ kind: 'unknown', text: 'delete abc' });
  });
});
