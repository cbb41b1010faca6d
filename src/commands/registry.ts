// Command name -> its module, imported only when that command runs, so a command never
// pays for another's dependencies (React and Ink above all).
import type { Ctx } from './context.js';

export type CommandModule = { run(ctx: Ctx): Promise<number> };

export const LOADERS: Record<string, () => Promise<CommandModule>> = {
  init: () => import('./init.js'),
  list: () => import('./list.js'),
  add: () => import('./add.js'),
  set: () => import('./set.js'),
  get: () => import('./get.js'),
  rm: () => import('./rm.js'),
  passwd: () => import('./passwd.js'),
  gen: () => import('./gen.js'),
  mv: () => import('./mv.js'),
  trash: () => import('./trash.js'),
  restore: () => import('./restore.js'),
  history: () => import('./history.js'),
  map: () => import('./map.js'),
  unmap: () => import('./unmap.js'),
  env: () => import('./env.js'),
  unenv: () => import('./unenv.js'),
  show: () => import('./show.js'),
  launch: () => import('./launch.js'),
  run: () => import('./run.js'),
  import: () => import('./import.js'),
  push: () => import('./push.js'),
  completion: () => import('./completion.js'),
  remote: () => import('./remote.js'),
};
