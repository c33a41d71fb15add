/**
 * The C layer: types, prototypes, struct layout and the System V AMD64
 * calling convention, as plain data and functions (no I/O, no native code).
 */

export { AbiError, CDeclarationError, LayoutError, PrototypeError, TypeNameError } from './errors.js';
export {
  type FieldSpec,
  type FieldSpecs,
  type LayoutOptions,
  type Leaf,
  layoutKey,
  leaves,
  parseLayout,
  structLayout,
  structRegistry,
  unionLayout,
} from './layout.js';
export {
  type Param,
  type PrototypeOptions,
  parsePrototype,
  parseType,
  type Signature,
  type StructRegistry,
  scalarType,
  signatureKey,
  withVarargs,
} from './prototype.js';
export {
  type ArgPlan,
  type CallPlan,
  type CallShape,
  classify,
  type EightbyteClass,
  INT_ARG_REGS,
  INT_RET_REGS,
  type Loc,
  type Part,
  planCall,
  type Register,
  type ReturnPlan,
  VEC_ARG_REGS,
  VEC_RET_REGS,
} from './sysv.js';
export {
  type Category,
  type CKind,
  type CType,
  type Field,
  type FunctionType,
  isFloatKind,
  isIntegerKind,
  type Layout,
  tableNames,
} from './types.js';
export { INT_RANGE, readStruct, readValue, type StructValue, writeStruct } from './values.js';
