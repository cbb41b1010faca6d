import { Text } from 'ink';

/**
 * `text` with the characters at `marks` (the filter's fuzzy matches, fuzzy.ts
 * marksOf) underlined in yellow. Positions count in the raw name, so a name the
 * sanitizer changed, or one cut short, keeps only the marks that still point at the
 * same characters.
 */
export function Marked({ text, marks }: { text: string; marks: readonly number[] }) {
  if (marks.length === 0) return <>{text}</>;
  const at = new Set(marks);
  const parts: { text: string; mark: boolean }[] = [];
  for (const [i, ch] of [...text].entries()) {
    const mark = at.has(i) && ch !== '…';
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += ch;
    else parts.push({ text: ch, mark });
  }
  return (
    <>
      {parts.map((p, i) =>
        p.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one name, rebuilt whole
          <Text key={i} color="yellow" underline>
            {p.text}
          </Text>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
