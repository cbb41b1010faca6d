import { Text } from 'ink';
import { KeyHelp, type KeyHint } from '../../components/key-help.js';
import { safeLine } from '../../lib/safe-text.js';
import { bodyLines, Frame } from '../shared/frame.js';

/** Rows of keys that fit: the body minus the heading, a blank line and the "more" line. */
export function helpRows(rows: number): number {
  return Math.max(1, bodyLines(rows) - 3);
}

export interface HelpViewProps {
  title: string;
  keys: readonly KeyHint[];
  offset: number;
  height: number;
}

export function HelpView({ title, keys, offset, height }: HelpViewProps) {
  const shown = keys.slice(offset, offset + height);
  const below = keys.length - offset - shown.length;
  const scrolls = keys.length > height;
  return (
    <Frame
      title={`help · ${safeLine(title)}`}
      hints={
        scrolls
          ? [
              { keys: 'j/k', what: 'scroll' },
              { keys: 'any other key', what: 'back' },
            ]
          : [{ keys: 'any key', what: 'back' }]
      }
    >
      <Text dimColor>
        {offset > 0 ? `Keys on this screen (${offset} above):` : 'Keys on this screen:'}
      </Text>
      <Text> </Text>
      <KeyHelp rows={shown.map((k) => ({ keys: safeLine(k.keys), what: safeLine(k.what) }))} />
      {below > 0 ? <Text dimColor>{`↓ ${below} more`}</Text> : null}
    </Frame>
  );
}
