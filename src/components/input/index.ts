export { CURSOR, fitAround, MASK, TextField, type TextFieldProps } from './text-field.js';
export {
  cleanInsert,
  type FieldAction,
  fieldActionsForKey,
  type KeyOptions,
  type TextAction,
  type TextState,
  textReducer,
  textState,
} from './text-state.js';
export {
  type FieldRequest,
  type FieldState,
  type FieldStateAction,
  fieldReducer,
  fieldState,
  type TextInput,
  type TextInputOptions,
  useTextInput,
} from './use-text-input.js';
