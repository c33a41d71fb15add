/**
 * `sidecar build`: builds the two native artefacts with the host's own
 * assembler and ELF writer, puts them in the content-addressed cache (only
 * where a valid copy is not there yet) and prints where they are and their
 * SHA-256 hashes. Nothing is loaded or run.
 */

import '../host/addon.js'; // registers the channel addon and the sidecar executable
import { artifacts, probeArtifact } from '../host/build/artifacts.js';
import { cacheDir } from '../host/build/cache.js';
import { type Command, jsonFlag } from './command.js';

const usage = `usage: sidecar build [--json]

Builds the channel addon and the sidecar executable (with the host's own
assembler and ELF writer; no compiler), writes them into the artefact cache
unless a valid copy is there, and prints the cache directory, each file's
path and its SHA-256.

  --json   print {"cacheDir", "artifacts": [{name, path, sha256, bytes, written}]}

The cache directory is $SIDECAR_CACHE, else $XDG_CACHE_HOME/sidecar, else
~/.cache/sidecar, else (no home directory, or it is /) sidecar-UID in the
temporary directory ($TMPDIR, else /tmp).
`;

interface BuiltArtifact {
  name: string;
  description: string;
  path: string;
  sha256: string;
  bytes: number;
  /** False when a valid copy was already in the cache. */
  written: boolean;
}

/** Builds and caches the artefacts; what was done for each. */
async function buildArtifacts(): Promise<BuiltArtifact[]> {
  const out: BuiltArtifact[] = [];
  for (const a of artifacts()) {
    const before = await probeArtifact(a);
    const f = await a.file();
    out.push({
      name: a.name,
      description: a.description,
      path: f.path,
      sha256: f.hash,
      bytes: (await a.bytes()).length,
      written: before.state !== 'valid',
    });
  }
  return out;
}

async function run(args: string[]): Promise<number> {
  const json = jsonFlag(args);
  const dir = cacheDir();
  const built = await buildArtifacts();
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ cacheDir: dir, artifacts: built.map(({ description: _, ...rest }) => rest) }, null, 2)}\n`,
    );
    return 0;
  }
  const lines = [`${'cache'.padEnd(12)} ${dir}`];
  for (const b of built) {
    lines.push(`${b.name.padEnd(12)} ${b.path}`);
    lines.push(`${''.padEnd(12)} sha256 ${b.sha256}  ${b.bytes} bytes, ${b.written ? 'written' : 'already cached'}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export const command: Command = { usage, run };
