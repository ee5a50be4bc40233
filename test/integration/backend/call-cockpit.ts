import type { Backend } from '../../../electron/backend';
import type { MethodName, Output, ParsedInput } from '../../../shared/api';
import type { LeadInput } from '../../../shared/domain/lead';
import { leadInput } from '../../helpers/lead-input';
import { openTempBackend } from '../../helpers/temp-store';

// A test clock the backend reads; tests move it.
export type TestClock = { now: () => Date; set: (jst: string) => void; advance: (ms: number) => void };

export const jst = (local: string): Date => new Date(`${local}+09:00`);

export const testClock = (startJst: string): TestClock => {
  let current = jst(startJst);
  return {
    now: () => new Date(current),
    set: (local) => {
      current = jst(local);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
};

// Calls a contract method through dispatch (input validation included) and unwraps the answer.
export const callOk = async <K extends MethodName>(backend: Backend, method: K, input: Partial<ParsedInput<K>> | Record<string, unknown>): Promise<Output<K>> => {
  const answer = await backend.call(method, input);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.value as Output<K>;
};

export const openCockpit = (dir: string, clock: TestClock): Backend => openTempBackend(dir, { now: clock.now });

export const addLead = (backend: Backend, overrides: Partial<LeadInput> = {}, createdAt?: string): string => {
  const [id] = backend.leads.createMany([leadInput({ stage: 'mql', ...overrides })], createdAt ? { createdAt } : {});
  return id!;
};
