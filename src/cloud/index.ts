// The cloud package's public surface, so callers need one import path.

export { CloudError, type CloudFailure, CREDENTIALS_HINT } from './cloud-error.js';
export { type Connection, connect } from './connect.js';
export {
  Credentials,
  cloudUrl,
  credentialsPath,
  DEFAULT_CLOUD_URL,
  loadCredentials,
} from './credentials.js';
export { type ClientOptions, CloudClient, type Method } from './http.js';
export { type Project, selectProject } from './project.js';
export {
  executePush,
  type GetValue,
  type LocalSecret,
  type OnProgress,
  type PushAction,
  type PushPlanInput,
  type PushResult,
  planPush,
} from './push.js';
export {
  createSecret,
  deleteSecret,
  findSecret,
  listSecrets,
  type RemoteSecret,
  updateSecret,
} from './secrets.js';
