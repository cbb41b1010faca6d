import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

const FALLBACK: TerminalSize = { columns: 80, rows: 24 };

// Pipes and test streams may lack columns/rows (ink-testing-library has no rows).
function read(stdout: NodeJS.WriteStream): TerminalSize {
  const columns = stdout.columns > 0 ? stdout.columns : FALLBACK.columns;
  const rows = stdout.rows > 0 ? stdout.rows : FALLBACK.rows;
  return { columns, rows };
}

/**
 * The terminal's size, following 'resize'. Ink 6.8 has no hook for it, and output
 * must stay below `rows` lines or Ink clears the screen on every frame.
 */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const update = () => {
      const next = read(stdout);
      setSize((old) => (old.columns === next.columns && old.rows === next.rows ? old : next));
    };
    update(); // the stream may have changed between render and effect
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return size;
}
