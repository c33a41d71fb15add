/**
 * Node's own modules loaded when first needed (node:net with the first
 * sidecar, node:crypto when something must be hashed), so importing the
 * package does not load them. `process.getBuiltinModule` (Node 20.16,
 * 22.3) takes them without making a `require` for this file, which costs
 * most of a millisecond the first time.
 */

import { createRequire } from 'node:module';

export function builtinModule<T>(id: `node:${string}`): T {
  const p = process as { getBuiltinModule?: (id: string) => unknown };
  return (p.getBuiltinModule ? p.getBuiltinModule(id) : createRequire(import.meta.url)(id)) as T;
}
