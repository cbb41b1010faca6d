import { describe, expect, it } from 'vitest';
import { LOADERS } from '../../src/commands/registry.js';
import { COMMANDS } from '../../src/commands/specs.js';

describe('the command table and the command modules', () => {
  // Help, completion and the parser read the table; only LOADERS can run a command.
  // A command in one and not the other would be offered but fail, or run unlisted.
  it('name the same commands', () => {
    const table = COMMANDS.map((c) => c.name).sort();
    expect(Object.keys(LOADERS).sort()).toEqual(table);
  });
});
