/** Forth source: the Floating-Point word set. */
export const FLOATS = String.raw`
`;
