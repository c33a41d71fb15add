/** The ELF64 writer: executables linked to glibc and shared objects. */

export * from './writer.js';
