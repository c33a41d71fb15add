/**
 * The shared region as the host holds it: a sealed memfd mapped at an
 * address no process here uses, typed views over its bytes, its arena, and
 * the header the host owns. The region outlives the sidecars that serve it:
 * a crashed one is replaced on the same region, so nothing in it is lost.
 */

import { ARGS_OFFSET, arenaOffset, channelOffset, MAGIC, PAGE, REGION, VERSION } from '../channel/layout.js';
import { channelAddon } from './addon.js';
import { Arena } from './arena.js';
import { SidecarStartError } from './errors.js';

/** Picks a likely-free address for the region: 2 MiB aligned, between 16 and 64 TiB. */
function randomHint(): number {
  const step = 2 ** 21;
  return 2 ** 44 + Math.floor(Math.random() * ((2 ** 46 - 2 ** 44) / step)) * step;
}

export const MAX_REGION = 2 ** 40;

export class Region {
  readonly fd: number;
  /** Where it is mapped, the same in the host and in every sidecar. */
  readonly address: number;
  readonly size: number;
  /** How many channels (sidecars) it has room for. */
  readonly channels: number;
  readonly buffer: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly i32: Int32Array;
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  readonly i64: BigInt64Array;
  readonly u64: BigUint64Array;
  readonly dv: DataView;
  readonly arena: Arena;
  #closed = false;
  /** Channels that have served a sidecar (the others are as the memfd was made: zero). */
  readonly #used: Uint8Array;

  private constructor(fd: number, address: number, buffer: ArrayBuffer, size: number, channels: number) {
    this.fd = fd;
    this.address = address;
    this.buffer = buffer;
    this.size = size;
    this.channels = channels;
    this.u8 = new Uint8Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.i64 = new BigInt64Array(buffer);
    this.u64 = new BigUint64Array(buffer);
    this.dv = new DataView(buffer);
    this.#used = new Uint8Array(channels);
    const start = arenaOffset(channels);
    this.arena = new Arena(start, size - start);
    this.writeHeader();
  }

  /** The smallest region with `channels` channels and `arena` bytes of arena. */
  static minimumSize(channels: number, arena = 65536): number {
    return arenaOffset(channels) + arena;
  }

  /** Creates and maps a region of `size` bytes (rounded up to pages) with room for `channels` sidecars. */
  static create(size: number, channels: number): Region {
    const bytes = Math.ceil(size / PAGE) * PAGE;
    const ch = channelAddon();
    let r: [number, number, ArrayBuffer] | number = -17;
    for (let attempt = 0; attempt < 16 && typeof r === 'number'; attempt++) r = ch.createRegion(bytes, randomHint());
    if (typeof r === 'number') r = ch.createRegion(bytes, 0);
    if (typeof r === 'number') throw new SidecarStartError(`cannot create the shared region (errno ${-r})`);
    const [fd, address, buffer] = r;
    return new Region(fd, address, buffer, bytes, channels);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * (Re)writes the header. The host owns it: whatever a sidecar may have
   * written there, the next sidecar reads the host's values.
   */
  writeHeader(): void {
    const dv = this.dv;
    dv.setUint32(REGION.magic, MAGIC, true);
    dv.setUint32(REGION.version, VERSION, true);
    dv.setBigUint64(REGION.size, BigInt(this.size), true);
    dv.setBigUint64(REGION.address, BigInt(this.address), true);
    dv.setUint32(REGION.hostPid, process.pid, true);
    dv.setUint32(REGION.channels, this.channels, true);
    dv.setBigUint64(REGION.arenaOffset, BigInt(arenaOffset(this.channels)), true);
  }

  /** Byte offset of channel k. */
  channelOffset(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k >= this.channels) throw new RangeError(`no channel ${k} in this region`);
    return channelOffset(k);
  }

  /**
   * Zeroes channel k's control page, call table and ring (the argument
   * records need no clearing). A channel no sidecar has served yet is zero
   * already (a new memfd reads as zeros, and the host writes nothing there
   * before the first spawn): it is left alone, since writing its half
   * megabyte would make the kernel give the host every page of it now (a
   * page fault each, most of a millisecond in all), where a sidecar touches
   * only the pages it uses.
   */
  clearChannel(k: number): void {
    const off = this.channelOffset(k);
    if (this.#used[k] === 0) {
      this.#used[k] = 1;
      return;
    }
    this.u8.fill(0, off, off + ARGS_OFFSET);
  }

  /** Whether a view lies in this region's arena; its offset then. */
  arenaOffsetOf(view: ArrayBufferView): number | undefined {
    if (view.buffer !== this.buffer || view.byteOffset < arenaOffset(this.channels)) return undefined;
    return view.byteOffset;
  }

  /** Unmaps nothing: the mapping goes when the buffer is collected (views stay readable). Closes the memfd. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    channelAddon().close(this.fd);
  }
}
