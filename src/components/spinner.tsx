import { Text, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { safeLine } from '../lib/safe-text.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface SpinnerProps {
  /** Text after the spinner, e.g. "Pushing 3 secrets". */
  label?: string;
  /** Animate; default: only when stdout is a terminal (a redraw per tick is noise in a log). */
  animate?: boolean;
  /** Milliseconds per frame. */
  interval?: number;
}

/** A one-line busy indicator. */
export function Spinner({ label, animate, interval = 80 }: SpinnerProps) {
  const { stdout } = useStdout();
  const moving = animate ?? stdout.isTTY === true;
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), interval);
    return () => clearInterval(timer);
  }, [moving, interval]);
  return (
    <Text wrap="truncate-end">
      <Text color="cyan">{FRAMES[frame]}</Text>
      {label ? ` ${safeLine(label)}` : ''}
    </Text>
  );
}
