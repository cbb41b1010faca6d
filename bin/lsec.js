#!/usr/bin/env node
// chalk ignores NO_COLOR and picks its level at import, so decide before anything loads.
if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
await import('../dist/lsec.js');
