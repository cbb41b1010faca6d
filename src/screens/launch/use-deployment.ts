// `deployment create` or `update` on the launch screen, as `lsec launch` decides it:
// update when the cloud lists a deployment of that name, else create. Asked in an
// effect, once per name and choice (a new one on r); until it answers, create is shown.
import { useEffect, useState } from 'react';
import { deploymentExists } from '../../launch/deployments.js';
import type { CloudChoice } from '../../launch/prepare.js';

export function useDeploymentCommand(input: {
  /** The deployment's name, when the target is a deployment; else undefined. */
  name: string | undefined;
  /**
   * Where lightning-sdk will look (cloudChooser), shared with the secrets check so
   * the teamspace is resolved once; a new one asks again.
   */
  choose: () => Promise<CloudChoice | undefined>;
}): 'create' | 'update' {
  const { name, choose } = input;
  const [answer, setAnswer] = useState<{ name: string; exists: boolean } | null>(null);
  useEffect(() => {
    if (!name) return;
    let live = true;
    void deploymentExists(name, choose()).then((a) => {
      if (live && a.state === 'listed') setAnswer({ name, exists: a.exists });
    });
    return () => {
      live = false;
    };
  }, [name, choose]);
  return answer && answer.name === name && answer.exists ? 'update' : 'create';
}
