/** The matrix layer's public face: Matrix with its operations attached. */

import './methods.js';

export { BACKENDS, type BackendName } from './backends.js';
export type { ElementOptions, NormKind } from './elementwise.js';
export type { MatmulOptions } from './matmul.js';
export { type Compute, type ElementType, Matrix } from './matrix.js';
