import type { z } from 'zod';
import { contract, isMethodName, type Envelope } from '../../shared/api';
import { BantamError } from './errors';
import type { Handlers } from './handlers';
import type { Logger } from './log';

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));

const BUSY_RETRY_MS = 50;
const BUSY_GIVE_UP_MS = 30_000;

const isBusy = (error: unknown): boolean => String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_BUSY');

// Writes are single transactions, so one that found the store locked by an import's worker changed
// nothing and can simply run again once the import has committed.
const retryWhileBusy = async <T>(fn: () => T | Promise<T>): Promise<T> => {
  const deadline = performance.now() + BUSY_GIVE_UP_MS;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!isBusy(error) || performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    }
  }
};

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
    const value = await retryWhileBusy(() => handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    if (isBusy(error)) {
      log('warn', 'store_busy', { method: methodName, ms: Math.round(performance.now() - started) });
      return {
        ok: false,
        error: { code: 'store_unavailable', message: 'The store stayed busy (a large import is being written). Nothing was changed; try again in a moment.', messageKey: 'errors.store.busy' },
      };
    }
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
