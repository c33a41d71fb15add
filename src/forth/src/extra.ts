/** Forth source: more of the system (filled in as the word sets are completed). */
export const EXTRA = String.raw`
`;
