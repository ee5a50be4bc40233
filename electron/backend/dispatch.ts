import type { z } from 'zod';
import { contract, isMethodName, type Envelope } from '../../shared/api';
import { BantamError } from './errors';
import type { Handlers } from './handlers';
import type { Logger } from './log';

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));

// The single entry both hosts call: unknown methods and bad input are answered with a clear error
// object before any feature code runs; nothing thrown escapes as a crash.
export const dispatch = async (
  handlers: Handlers,
  methodName: string,
  rawInput: unknown,
  log: Logger,
): Promise<Envelope<unknown>> => {
  if (!isMethodName(methodName)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no backend method named "${methodName.slice(0, 80)}".`, messageKey: 'errors.unknownMethod' },
    };
  }
  const parsed = contract[methodName].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    log('warn', 'invalid_input', { method: methodName, issues: issues.length });
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${methodName}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        messageKey: 'errors.invalidInput',
        issues,
      },
    };
  }
  const started = performance.now();
  try {
    const handler = handlers[methodName] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof BantamError) {
      log('warn', 'method_failed', { method: methodName, code: error.code });
      return { ok: false, error: error.toBody() };
    }
    // Unexpected: log the kind of error only (messages may quote data), answer generically.
    log('error', 'method_crashed', { method: methodName, error: (error as Error)?.name ?? 'unknown', ms: Math.round(performance.now() - started) });
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Bantam; nothing was changed. Try again.', messageKey: 'errors.internal' },
    };
  }
};
