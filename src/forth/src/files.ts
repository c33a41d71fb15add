/** Forth source: the File-Access word set. */
export const FILES = String.raw`
`;
