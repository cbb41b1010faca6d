// Whether the cloud has the mapped secrets, without ever blocking a key: the root's
// shared cloud list when there is one (one request for the whole session), else one
// list request of our own in an effect. `r` always asks again ourselves.
import { useEffect, useMemo, useState } from 'react';
import { type CloudChoice, checkCloud } from '../../launch/prepare.js';
import { errorLine } from '../shared/cloud-problem.js';
import type { CloudView } from '../shared/use-cloud-state.js';
import type { CloudStatus } from './checks.js';

export interface LaunchCloudInput {
  /** A cloud launch that maps secrets: the only case that asks. */
  needed: boolean;
  /** False after v (like --no-verify). */
  verify: boolean;
  /** Bumped by r. */
  retry: number;
  shared: CloudView | undefined;
  env: NodeJS.ProcessEnv;
  /** The profile's `project`: checked by a request of our own (the shared list may be another). */
  project?: string;
  /** A deployment target: its teamspace is resolved as lightning-sdk does, by a request of our own. */
  deployment?: boolean;
  /** Where to look (cloudChooser for the same wish), shared with the deployment check. */
  choose: () => Promise<CloudChoice | undefined>;
}

function fromShared(
  shared: Pick<CloudView, 'status' | 'anyType' | 'error' | 'project' | 'projectId'>,
): CloudStatus {
  if (shared.status === 'error') return { state: 'failed', error: shared.error ?? 'unknown error' };
  if (shared.status === 'ready' && shared.anyType) {
    // Every type, as `lsec launch` checks: the app CLI resolves --secret among them all.
    const names = shared.anyType;
    const note = shared.project ? `project ${shared.project}` : undefined;
    return { state: 'listed', names, note, projectId: shared.projectId };
  }
  return { state: 'checking' };
}

export function useLaunchCloud({
  needed,
  verify,
  retry,
  shared,
  env,
  project,
  deployment = false,
  choose,
}: LaunchCloudInput): CloudStatus {
  const own = needed && verify && (!shared || retry > 0 || project !== undefined || deployment);
  const [result, setResult] = useState<CloudStatus>({ state: 'checking' });

  // `retry` is a trigger only: each r sends a new request.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!own) return;
    let current = true;
    setResult({ state: 'checking' });
    checkCloud(env, { project, deployment }, choose()).then(
      (answer) => {
        if (!current) return;
        setResult(
          answer.state === 'listed'
            ? {
                state: 'listed',
                names: answer.names,
                note: answer.note,
                projectId: answer.projectId,
                teamspace: answer.teamspace,
              }
            : { state: 'no-credentials' },
        );
      },
      (error: unknown) => {
        if (current) setResult({ state: 'failed', error: errorLine(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [own, retry, env, project, deployment, choose]);

  // Keyed on the list, not the whole view: the view changes on every scan step.
  const status = shared?.status;
  const anyType = shared?.anyType;
  const sharedError = shared?.error;
  const sharedProject = shared?.project;
  const sharedId = shared?.projectId;
  const sharedStatus = useMemo(
    () =>
      status
        ? fromShared({
            status,
            anyType,
            error: sharedError,
            project: sharedProject,
            projectId: sharedId,
          })
        : undefined,
    [status, anyType, sharedError, sharedProject, sharedId],
  );
  if (!needed) return { state: 'idle' };
  if (!verify) return { state: 'skipped' };
  return own ? result : sharedStatus!;
}
