// Which --teamspace a launched `lightning deployment …` reads from its argv, as click
// parses it: both spellings, the last one wins, nothing after a literal `--`.
import { describe, expect, it } from 'vitest';
import { teamspaceInArgs } from '../../src/cloud/teamspace.js';

describe('teamspaceInArgs', () => {
  it('reads --teamspace VALUE and --teamspace=VALUE; the last wins', () => {
    expect(teamspaceInArgs(['--image', 'x', '--teamspace', 'acme/a'])).toBe('acme/a');
    expect(teamspaceInArgs(['--teamspace=acme/b'])).toBe('acme/b');
    expect(teamspaceInArgs(['--teamspace', 'a', '--teamspace=b'])).toBe('b');
  });

  it('none, or only after "--", is none', () => {
    expect(teamspaceInArgs(['--image', 'x', '--port', '8000'])).toBeUndefined();
    expect(teamspaceInArgs(['--', '--teamspace', 'a'])).toBeUndefined();
  });
});
