import { fieldErrorMap } from '../../src/commands/field-errors';

describe('fieldErrorMap', () => {
  it('keys each message by the input id (the block_id) and joins two errors of one field', () => {
    expect(
      fieldErrorMap([
        { field: 'personGroupId', message: 'Bad id.' },
        { field: 'name', message: 'Too long.' },
        { field: 'name', message: 'Odd.' },
      ]),
    ).toEqual({ personGroupId: 'Bad id.', name: 'Too long. Odd.' });
  });
});
