import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a path leads once every symbolic link on the way is followed. */
export type Containment =
  | { inside: true; real: string }
  | { inside: false; reason: string; /** The path does not exist or cannot be resolved (not a refusal). */ missing: boolean };

/**
 * The folders the analysis may read: the workspace folders in the editor,
 * the paths given on the command line. A config names other files (a pf
 * `include`, later `pf_rules` and table files), and in CI those configs
 * come from people the repository owner does not trust: a file that
 * resolves outside the roots (through `..`, an absolute path or a symbolic
 * link) is never opened, so its contents cannot end up in a job log or in
 * SARIF that code scanning publishes.
 */
export class ReadRoots {
  private constructor(
    /** What the user named, for messages. */
    readonly given: readonly string[],
    /** Their real paths (symbolic links resolved), compared against. */
    private readonly real: readonly string[],
  ) {}

  /** Roots from local paths; a path that does not exist contributes nothing (nothing can be read under it). */
  static async of(paths: readonly string[]): Promise<ReadRoots> {
    const real: string[] = [];
    for (const p of paths) {
      try {
        real.push(await fs.promises.realpath(p));
      } catch {
        // a root that does not resolve holds nothing to read
      }
    }
    return new ReadRoots(paths, real);
  }

  /**
   * Roots from paths given on a command line, where the repository being
   * checked may itself hold symbolic links: a path that passes through a
   * link below the current directory (the part of the path the repository
   * controls) is refused, so a pull request that turns `configs/` into a link
   * to `/` cannot widen what is read. Links above the current directory
   * belong to the machine and are followed.
   */
  static async forCommandLine(paths: readonly string[], cwd: string): Promise<{ roots: ReadRoots; refused: { path: string; reason: string }[] }> {
    const accepted: string[] = [];
    const refused: { path: string; reason: string }[] = [];
    for (const p of paths) {
      const link = await linkOnTheWay(p, cwd);
      if (link === undefined) accepted.push(path.resolve(cwd, p));
      else refused.push({ path: p, reason: `leads through the symbolic link ${link}; name the file or folder it points to` });
    }
    return { roots: await ReadRoots.of(accepted), refused };
  }

  /** No roots: nothing on disk may be read (an editor without a workspace folder). */
  static readonly none = new ReadRoots([], []);

  /**
   * True when `file`, as written (links not followed), lies in a root as the
   * user named it: the file belongs to what is being checked, though it may
   * still lead elsewhere through a link (which contain() refuses).
   */
  covers(file: string): boolean {
    const resolved = path.resolve(file);
    return this.given.some((root) => within(resolved, path.resolve(root))) || this.holds(resolved);
  }

  /** True when the real path `real` is one of the roots or lies below one. */
  holds(real: string): boolean {
    return this.real.some((root) => within(real, root));
  }

  /** Resolves `file` (following links) and says whether it may be read. */
  async contain(file: string): Promise<Containment> {
    return this.containNow(file);
  }

  /** contain(), synchronously (see readConfFileNow). */
  containNow(file: string): Containment {
    let real: string;
    try {
      real = fs.realpathSync.native(file);
    } catch (error) {
      return { inside: false, reason: (error as NodeJS.ErrnoException).code ?? String(error), missing: true };
    }
    if (this.holds(real)) return { inside: true, real };
    return { inside: false, reason: OUTSIDE_REASON, missing: false };
  }
}

/**
 * The first symbolic link on the way from `cwd` down to `p`, or undefined.
 * A path outside `cwd` is the user's own choice of place and is not looked
 * at. A component that does not exist is no link (the caller reports the
 * missing path).
 */
async function linkOnTheWay(p: string, cwd: string): Promise<string | undefined> {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  for (let i = 1; i <= parts.length; i++) {
    const step = path.join(cwd, ...parts.slice(0, i));
    try {
      if ((await fs.promises.lstat(step)).isSymbolicLink()) return path.relative(cwd, step);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** True when `file` is `root` or lies below it (both absolute, normalised). */
function within(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** The reason given for a refused file, in file/skipped and file/outside-root messages. */
export const OUTSIDE_REASON = 'it resolves outside the checked folders';
