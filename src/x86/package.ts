/**
 * What the package's `sidecar/x86` entry exports: the assembler and its
 * text front end together. Neither parses its tables at import; code inside
 * Sidecar imports index.ts (and text/index.ts where it reads text) instead.
 */

export * from './index.js';
export * from './text/index.js';
