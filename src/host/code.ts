/**
 * Code loaded into the sidecar with `sc.load`: a linked image, its base in
 * each sidecar it was loaded into (loaded again after a restart), functions
 * at its symbols, and its release: `release()` (or `using`) sends UNLOAD,
 * giving the memory back in the sidecar.
 */

import type { FlatImage } from '../link/index.js';
import { bindFunction, type Executor, type FunctionOptions } from './call.js';
import { parsePrototype } from './ctypes.js';
import { SidecarError } from './errors.js';
import { PerGeneration } from './generation.js';
import { loadImage, loadImageSync, unloadImage } from './image.js';
import type { FunctionWith } from './typed.js';

export class LoadedCode {
  readonly image: FlatImage;
  readonly #exec: Executor;
  readonly #base: PerGeneration<bigint>;
  #released = false;

  constructor(exec: Executor, image: FlatImage) {
    this.#exec = exec;
    this.image = image;
    this.#base = new PerGeneration(
      (ch) => loadImage(ch, image, exec.timeoutMs),
      (ch) => loadImageSync(ch, image, exec.timeoutMs),
    );
  }

  #check(): void {
    if (this.#released) throw new SidecarError('this code was released');
  }

  /** Load address in the sidecar the next call goes to (loading again after a restart). */
  async base(): Promise<bigint> {
    this.#check();
    return this.#base.get(this.#exec.channel());
  }

  baseSync(): bigint {
    this.#check();
    return this.#base.getSync(this.#exec.channel());
  }

  /** Address of a symbol of the image (or of offset 0). */
  async address(symbol?: string): Promise<bigint> {
    return (await this.base()) + BigInt(this.#offset(symbol));
  }

  #offset(symbol?: string): number {
    if (symbol === undefined) return 0;
    const o = this.image.symbols.get(symbol);
    if (o === undefined) throw new TypeError(`no symbol '${symbol}' in the loaded code`);
    return o;
  }

  /** A function at `symbol` (default: the start of the code), typed from a literal prototype. */
  func<P extends string, O extends FunctionOptions | undefined = undefined>(
    prototype: P,
    symbol?: string,
    options?: O,
  ): FunctionWith<P, O> {
    const sig = parsePrototype(prototype, this.#exec.structs);
    const off = BigInt(this.#offset(symbol));
    return bindFunction(
      this.#exec,
      sig,
      {
        resolve: async (ch) => {
          this.#check();
          return (await this.#base.get(ch)) + off;
        },
        resolveSync: (ch) => {
          this.#check();
          return this.#base.getSync(ch) + off;
        },
      },
      options,
    ) as FunctionWith<P, O>;
  }

  /**
   * Unloads the code from the sidecar (UNLOAD): its functions must not be
   * called afterwards (they throw SidecarError if they need to load it again).
   */
  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    const ch = this.#exec.channel();
    const base = this.#base.forget(ch);
    if (base !== undefined && ch.alive) await unloadImage(ch, base, this.image, this.#exec.timeoutMs);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
}
