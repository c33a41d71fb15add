/** Bytes as two-digit hex, space-separated (`48 8b 03`): how the tests compare and show encodings. */
export function hex(b: ArrayLike<number>): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
}
