// How a cloud failure reads on a screen: a short message and what to do about it.
import { CloudError, CREDENTIALS_HINT } from '../../cloud/cloud-error.js';
import { describeError, UsageError } from '../../lib/errors.js';
import { sentence } from './text.js';

export const NO_CREDENTIALS = new UsageError(
  'no Lightning credentials found',
  'set LIGHTNING_USER_ID and LIGHTNING_API_KEY, or log in with `lightning login` (~/.lightning/credentials.json)',
);

/** A failure in two short lines: what happened, and what to do. */
export interface CloudProblem {
  message: string;
  hint?: string;
}

export function cloudProblem(error: unknown): CloudProblem {
  // The full 401 text names the request and repeats the server's words; on a list
  // screen the point is "your credentials" and where to fix them.
  if (error instanceof CloudError && (error.status === 401 || error.status === 403)) {
    return {
      message: `The Lightning cloud refused the credentials (HTTP ${error.status})`,
      hint: CREDENTIALS_HINT,
    };
  }
  const { message, hint } = describeError(error);
  return { message: sentence(message), hint };
}

/** "Message — hint" in one line. */
export function errorLine(error: unknown): string {
  const { message, hint } = cloudProblem(error);
  return hint ? `${message} — ${hint}` : message;
}
