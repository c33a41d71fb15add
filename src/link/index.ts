/** Linking assembled objects: import planning, stubs, and the flat image for the sidecar's LOAD request. */

export * from './align.js';
export * from './flat.js';
export * from './imports.js';
