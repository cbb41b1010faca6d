import type { Ctx } from './context.js';
import { writeSecret } from './write-secret.js';

export const run = (ctx: Ctx): Promise<number> => writeSecret(ctx, 'set');
