import { type Key, useInput, useStdin } from 'ink';
import { useCallback, useReducer } from 'react';
import { useEachRequest } from '../use-each-request.js';
import {
  type FieldAction,
  fieldActionsForKey,
  type TextState,
  textReducer,
  textState,
} from './text-state.js';

/** A submit or cancel waiting to be reported; `value` is the value at that moment. */
export interface FieldRequest {
  kind: 'submit' | 'cancel';
  value: string;
  id: number;
}

export interface FieldState {
  text: TextState;
  request: FieldRequest | null;
}

export type FieldStateAction = FieldAction | { type: 'reset'; value?: string };

export function fieldState(value = ''): FieldState {
  return { text: textState(value), request: null };
}

// Submit and cancel become state, not calls: the key handler can run several times
// before React commits, and only committed state has the latest value.
export function fieldReducer(state: FieldState, action: FieldStateAction): FieldState {
  switch (action.type) {
    case 'submit':
    case 'cancel': {
      const id = (state.request?.id ?? 0) + 1;
      return { ...state, request: { kind: action.type, value: state.text.value, id } };
    }
    case 'reset':
      return { ...state, text: textState(action.value ?? '') };
    default: {
      const text = textReducer(state.text, action);
      return text === state.text ? state : { ...state, text };
    }
  }
}

export interface TextInputOptions {
  /** Listen for keys (give only the focused field true). Ignored without raw mode. */
  isActive?: boolean;
  /** Enter: called once per Enter, after commit, with the value as it was at Enter. */
  onSubmit?: (value: string) => void;
  /** Esc. */
  onCancel?: () => void;
  /** Hidden value: the cursor stays at the end, since moving it could not be seen. */
  mask?: boolean;
  /** Keep newlines from a paste (a PEM key, say); only a lone Enter submits. */
  multiline?: boolean;
  initialValue?: string;
}

export interface TextInput {
  value: string;
  cursor: number;
  mask: boolean;
  /** Replace the value (cursor at the end), e.g. to clear the field after a submit. */
  reset: (value?: string) => void;
}

/** Key hook for a TextField: Ink keys -> fieldReducer; submit/cancel from an effect. */
export function useTextInput({
  isActive = true,
  onSubmit,
  onCancel,
  mask = false,
  multiline = false,
  initialValue = '',
}: TextInputOptions = {}): TextInput {
  const [state, dispatch] = useReducer(fieldReducer, initialValue, fieldState);

  useEachRequest(state.request, (request) => {
    if (request.kind === 'submit') onSubmit?.(request.value);
    else onCancel?.();
  });

  const onKey = useCallback(
    (input: string, key: Key) => {
      for (const action of fieldActionsForKey(input, key, { mask, multiline })) dispatch(action);
    },
    [mask, multiline],
  );
  const { isRawModeSupported } = useStdin();
  useInput(onKey, { isActive: isActive && isRawModeSupported === true });

  const reset = useCallback((value?: string) => dispatch({ type: 'reset', value }), []);
  return { value: state.text.value, cursor: state.text.cursor, mask, reset };
}
