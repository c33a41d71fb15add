/**
 * Checks of the options users pass to `Sidecar.start` and to a call. A
 * wrong value is a TypeError (wrong type) or a RangeError (out of range)
 * naming the option and what it accepts, thrown before anything is made or
 * sent; an unknown option is a TypeError listing the known ones, since a
 * misspelt `timeoutMS` would otherwise be ignored without a word.
 */

/** An option's value, described for a message: `'abc'`, `null`, `NaN`, `a function`. */
export function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || v === undefined) return String(v);
  if (typeof v === 'function') return 'a function';
  if (Array.isArray(v)) return 'an array';
  return `an object (${Object.prototype.toString.call(v).slice(8, -1)})`;
}

/** Throws unless every own key of `opts` is one of `known`. */
export function checkKeys(where: string, opts: object, known: readonly string[]): void {
  for (const k of Object.keys(opts)) {
    if (!known.includes(k)) throw new TypeError(`${where}: unknown option '${k}' (options: ${known.join(', ')})`);
  }
}

/** A deadline in milliseconds: a positive number or Infinity (undefined: the default). */
export function checkTimeout(where: string, v: unknown): void {
  if (v === undefined) return;
  if (typeof v !== 'number') {
    throw new TypeError(`${where}: timeoutMs must be a number of milliseconds or Infinity, got ${shown(v)}`);
  }
  if (!(v > 0)) throw new RangeError(`${where}: timeoutMs must be greater than 0 (Infinity for none), got ${v}`);
}

/** An AbortSignal (undefined: none). */
export function checkSignal(where: string, v: unknown): void {
  if (v !== undefined && !(v instanceof AbortSignal)) {
    throw new TypeError(`${where}: signal must be an AbortSignal, got ${shown(v)}`);
  }
}

const CALL_OPTIONS = ['timeoutMs', 'signal'] as const;

/** The options of one call (`{ timeoutMs, signal }`); undefined means none. */
export function checkCallOptions(where: string, opts: unknown): void {
  if (opts === undefined) return;
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new TypeError(`${where}: call options must be an object { timeoutMs?, signal? }, got ${shown(opts)}`);
  }
  checkKeys(where, opts, CALL_OPTIONS);
  const o = opts as { timeoutMs?: unknown; signal?: unknown };
  checkTimeout(where, o.timeoutMs);
  checkSignal(where, o.signal);
}

/** One of a few strings. */
export function checkChoice(where: string, name: string, v: unknown, choices: readonly string[]): void {
  if (v !== undefined && !choices.includes(v as string)) {
    throw new TypeError(`${where}: ${name} must be ${choices.map((c) => `'${c}'`).join(' or ')}, got ${shown(v)}`);
  }
}
