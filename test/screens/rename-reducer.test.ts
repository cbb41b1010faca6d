import { describe, expect, it } from 'vitest';
import {
  initialRenameState,
  type RenameState,
  renameProblem,
  renameReducer,
} from '../../src/screens/rename/reducer.js';
import { chunk, key } from './presses.js';

/** Renaming `from`: the field starts with the old name, so it is cleared first. */
function typed(from: string, text: string): RenameState {
  const start = initialRenameState(from, new Set(['taken']));
  const clear = Array.from(from, () => key('backspace'));
  return renameReducer(start, { type: 'keys', presses: [...clear, ...chunk(text)] });
}

describe('renameProblem', () => {
  it('the fix keeps the case typed, the rule import follows', () => {
    expect(typed('old', 'OPENAI API KEY').name.value).toBe('OPENAI API KEY');
    expect(renameProblem(typed('old', 'OPENAI API KEY'))).toBe(
      'Not a valid name: use OPENAI_API_KEY',
    );
    expect(renameProblem(typed('old', 'OPENAI_API_KEY'))).toBeNull();
    expect(renameProblem(typed('old', 'taken'))).toMatch(/exists/);
  });
});
