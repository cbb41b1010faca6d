import { Text } from 'ink';
import { KeyHelp, type KeyHint } from '../../components/key-help.js';
import { safeLine } from '../../lib/safe-text.js';
import { Frame } from '../shared/frame.js';

export function HelpView({ title, keys }: { title: string; keys: readonly KeyHint[] }) {
  return (
    <Frame title={`help · ${safeLine(title)}`} hints={[{ keys: 'any key', what: 'back' }]}>
      <Text dimColor>Keys on this screen:</Text>
      <Text> </Text>
      <KeyHelp rows={keys.map((k) => ({ keys: safeLine(k.keys), what: safeLine(k.what) }))} />
    </Frame>
  );
}
