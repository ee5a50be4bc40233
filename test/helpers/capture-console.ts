import { afterEach, beforeEach, vi } from 'vitest';

// Collects what a command prints, line by line, for the length of each test.
export const captureConsole = (): { out: string[]; err: string[] } => {
  const captured = { out: [] as string[], err: [] as string[] };
  beforeEach(() => {
    captured.out.length = 0;
    captured.err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void captured.out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void captured.err.push(args.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
};
