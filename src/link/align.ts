/** Page size and alignment, shared by the flat linker and the ELF writer. */

export const PAGE = 4096;

/** `n` rounded up to a multiple of `a` (1 or less: unchanged). */
export function alignUp(n: number, a: number): number {
  return a <= 1 ? n : Math.ceil(n / a) * a;
}
