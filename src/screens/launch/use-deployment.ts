// `deployment create` or `update` on the launch screen, as `lsec launch` decides it:
// update when the cloud lists a deployment of that name, else create. Asked in an
// effect, once per name (and again on r); until it answers, create is shown.
import { useEffect, useState } from 'react';
import { deploymentExists } from '../../launch/deployments.js';
import { chooseCloudProject } from '../../launch/prepare.js';

export function useDeploymentCommand(input: {
  /** The deployment's name, when the target is a deployment; else undefined. */
  name: string | undefined;
  env: NodeJS.ProcessEnv;
  retry: number;
  /** The profile's `project` and args: where lightning-sdk will look (deploymentTeamspace). */
  project?: string;
  args?: readonly string[];
}): 'create' | 'update' {
  const { name, env, retry, project } = input;
  const argsKey = JSON.stringify(input.args ?? []);
  const [answer, setAnswer] = useState<{ name: string; exists: boolean } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: retry (r) asks again
  useEffect(() => {
    if (!name) return;
    let live = true;
    const wish = { project, deployment: true, args: JSON.parse(argsKey) as string[] };
    void deploymentExists(name, chooseCloudProject(env, wish)).then((a) => {
      if (live && a.state === 'listed') setAnswer({ name, exists: a.exists });
    });
    return () => {
      live = false;
    };
  }, [name, env, retry, project, argsKey]);
  return answer && answer.name === name && answer.exists ? 'update' : 'create';
}
