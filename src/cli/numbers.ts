/** Numbers as the subcommands read them from the command line. */

/** An integer in decimal, 0x, 0o or 0b, with an optional sign; null if the text is none. */
export function parseInteger(text: string): bigint | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/.exec(text.trim());
  if (!m) return null;
  const v = BigInt(m[2] as string);
  return m[1] === '-' ? -v : v;
}
