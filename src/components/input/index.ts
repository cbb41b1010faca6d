export { CURSOR, fitAround, MASK, TextField, type TextFieldProps } from './text-field.js';
export { type TextAction, type TextState, textReducer, textState } from './text-state.js';
