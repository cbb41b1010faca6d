// `deployment create` or `update` on the launch screen, as `lsec launch` decides it:
// update when the cloud lists a deployment of that name, else create. Asked in an
// effect, once per name (and again on r); until it answers, create is shown.
import { useEffect, useState } from 'react';
import { deploymentExists } from '../../launch/deployments.js';

export function useDeploymentCommand(input: {
  /** The deployment's name, when the target is a deployment; else undefined. */
  name: string | undefined;
  env: NodeJS.ProcessEnv;
  retry: number;
}): 'create' | 'update' {
  const { name, env, retry } = input;
  const [answer, setAnswer] = useState<{ name: string; exists: boolean } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: retry (r) asks again
  useEffect(() => {
    if (!name) return;
    let live = true;
    void deploymentExists(env, name).then((a) => {
      if (live && a.state === 'listed') setAnswer({ name, exists: a.exists });
    });
    return () => {
      live = false;
    };
  }, [name, env, retry]);
  return answer && answer.name === name && answer.exists ? 'update' : 'create';
}
