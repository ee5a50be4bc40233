import type { Envelope } from '../../shared/api';

export type CliValues = Record<string, string | boolean | undefined>;

// A mistake in how the command was typed: the CLI exits 2 with the message.
export class UsageError extends Error {}

export const unwrap = <T>(answer: Envelope<unknown>): T => {
  if (!answer.ok) {
    const details = answer.error.issues?.map((i) => `\n  ${i.path}: ${i.message}`).join('') ?? '';
    throw new Error(`${answer.error.message}${details}`);
  }
  return answer.value as T;
};
