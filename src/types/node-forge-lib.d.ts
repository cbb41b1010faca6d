// node-forge's per-algorithm entry points, which attach to one shared object. lsec
// loads only AES and PBKDF2 this way (about 47 KB instead of the whole 300 KB
// library); the typings stay those of the full package.
declare module 'node-forge/lib/forge.js' {
  import type forge from 'node-forge';

  const core: typeof forge;
  export default core;
}
declare module 'node-forge/lib/aes.js';
declare module 'node-forge/lib/pbkdf2.js';
