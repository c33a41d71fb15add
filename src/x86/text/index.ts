/**
 * The text front end: GNU `as` source in Intel syntax (`.intel_syntax
 * noprefix`), read into the builder so it produces the bytes GNU `as` 2.40
 * does for every instruction of the table. Errors carry file, line and
 * column (1-based); the first is thrown with the others in `errors`.
 *
 *   import { assembleText } from 'sidecar/x86/text';
 *   const { object } = assembleText('mov eax, 1\nret\n');
 */

import type { ObjectCode } from '../assembler.js';
import { Assembler } from '../builder.js';
import { buildListing, type ListingLine } from '../listing.js';
import { Parser } from './parser.js';
import type { TextOptions } from './scanner.js';

export { AsmSyntaxError } from './errors.js';
export type { TextOptions } from './scanner.js';

export interface TextResult {
  object: ObjectCode;
  listing?: ListingLine[];
}

/** Assembles Intel-syntax source into an object. Throws `AsmSyntaxError`. */
export function assembleText(source: string, opts: TextOptions = {}): TextResult {
  const a = new Assembler({ undefinedExternal: true });
  const unit = feedText(a, source, opts);
  const object = unit.finish();
  if (!opts.listing) return { object };
  return { object, listing: buildListing(source, object) };
}

/** Source fed into an assembler; `finish()` finishes the assembler and applies what had to wait for layout. */
export interface TextUnit {
  finish(): ObjectCode;
}

/**
 * Feeds source into an existing assembler (created with
 * `undefinedExternal: true` if the source may reference imports). Call
 * `finish()` on the returned unit, not on the assembler.
 */
export function feedText(asm: Assembler, source: string, opts: TextOptions = {}): TextUnit {
  const p = new Parser(asm, source, opts);
  p.run();
  return { finish: () => p.finish() };
}
