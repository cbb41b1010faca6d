// One owner for the keyboard (ink.md §2.3): the root reads stdin once and hands each
// batch of presses to the screen that listens now. Keys are never dropped between
// screens: while no screen listens (a new screen's handler attaches a few macrotasks
// after its first frame, pitfall E), presses wait in a queue, and a screen that
// leaves in the middle of a batch (home's `a` in "aname") forwards the rest to the
// next screen that listens.
import { type Key, useInput, useStdin } from 'ink';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { mousePresses, PASTE_END, PASTE_START, type Press, pressesOf } from './keys.js';

export type PressHandler = (presses: Press[]) => void;

export class KeyBus {
  private listeners: PressHandler[] = [];
  private observers = new Set<PressHandler>();
  private queue: Press[] = [];
  /** The text of a bracketed paste still arriving, else null. */
  private pasting: string | null = null;

  /**
   * One Ink input event: a bracketed paste (ESC[200~ … ESC[201~, which Ink hands
   * over as separate events) becomes one 'paste' press, so its text never runs key
   * bindings and a multi-line value stays whole.
   */
  input(input: string, key: Key): void {
    if (input === PASTE_START && this.pasting === null) {
      this.pasting = '';
      return;
    }
    if (this.pasting !== null) {
      if (input === PASTE_END) {
        const text = this.pasting;
        this.pasting = null;
        if (text !== '') this.deliver([{ type: 'paste', text }]);
        return;
      }
      // Ink reports a lone CR or tab inside the paste as keys; they are text here.
      this.pasting += key.return ? '\r' : key.tab ? '\t' : input;
      return;
    }
    const presses = mousePresses(input) ?? pressesOf(input, key);
    if (presses.length > 0) this.deliver(presses);
  }

  /** The screen that gets keys now: the one that started listening last. */
  private get top(): PressHandler | undefined {
    return this.listeners.at(-1);
  }

  /** Presses from the terminal. */
  deliver(presses: Press[]): void {
    for (const observe of this.observers) observe(presses);
    const top = this.top;
    if (top) top(presses);
    else this.queue.push(...presses);
  }

  /** A screen starts listening: it first gets what waited for it. */
  listen(handler: PressHandler): () => void {
    this.listeners.push(handler);
    if (this.queue.length > 0) handler(this.queue.splice(0));
    return () => {
      this.listeners = this.listeners.filter((h) => h !== handler);
    };
  }

  /** Sees every press (Ctrl+C, idle time) without taking it from the screens. */
  observe(handler: PressHandler): () => void {
    this.observers.add(handler);
    return () => {
      this.observers.delete(handler);
    };
  }

  /**
   * Presses `from` received but belong to the screen after it: they go to another
   * listener now, or wait for the next one.
   */
  forward(from: PressHandler | undefined, presses: readonly Press[]): void {
    if (presses.length === 0) return;
    const top = this.top;
    if (top && top !== from) top([...presses]);
    else this.queue.push(...presses);
  }
}

const BusContext = createContext<KeyBus | null>(null);

/** The root's bus, or null where a screen is rendered alone (tests). */
export const useKeyBus = (): KeyBus | null => useContext(BusContext);

/** Reads stdin once for the whole TUI and serves the screens below it. */
export function KeyBusProvider({ children }: { children: ReactNode }) {
  const bus = useMemo(() => new KeyBus(), []);
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => bus.input(input, key),
    // Ink throws when raw mode is asked of a pipe; isRawModeSupported is undefined there.
    { isActive: isRawModeSupported === true },
  );
  return <BusContext.Provider value={bus}>{children}</BusContext.Provider>;
}

/** Listens on the bus while `active` (the hook for screens under the provider). */
export function useBusListener(bus: KeyBus | null, handler: PressHandler, active: boolean): void {
  useEffect(() => {
    if (!bus || !active) return;
    return bus.listen(handler);
  }, [bus, handler, active]);
}
