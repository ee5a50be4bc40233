export type HostArgs = { demo: boolean; db?: string };

// Reads `--demo` and `--db PATH` (or `--db=PATH`) from the command line. Unknown arguments are
// ignored: Chromium and the OS add their own switches.
export const parseHostArgs = (argv: readonly string[]): HostArgs => {
  const args: HostArgs = { demo: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--demo') args.demo = true;
    else if (arg === '--db') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        args.db = next;
        i += 1;
      }
    } else if (arg?.startsWith('--db=') && arg.length > '--db='.length) args.db = arg.slice('--db='.length);
  }
  return args;
};
