import type { ApiEvent, Bridge, Envelope, MethodName } from '../../shared/api';
import type { Lead } from '../../shared/domain/lead';

// The hearing's methods (hearing, stage decisions, definitions, script) in the fake host.
type QualificationMethod = Extract<MethodName, `hearing.${string}` | `stage.${string}` | `definitions.${string}` | `script.${string}`>;
export type FakeQualification = Pick<Bridge, QualificationMethod>;
type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

// PLACEHOLDER while the hearing is being built this session: replaced by faithful fakes before landing.
export const createFakeQualification = (_leads: Lead[], answer: Answer, _emit: (event: ApiEvent) => void): FakeQualification => {
  const pending = (method: QualificationMethod) => (input: unknown) =>
    answer(method, input, () => {
      throw new Error(`${method} is not faked yet`);
    });
  return {
    'hearing.get': pending('hearing.get'),
    'hearing.saveDraft': pending('hearing.saveDraft'),
    'hearing.save': pending('hearing.save'),
    'hearing.history': pending('hearing.history'),
    'stage.decide': pending('stage.decide'),
    'stage.history': pending('stage.history'),
    'definitions.get': pending('definitions.get'),
    'definitions.update': pending('definitions.update'),
    'definitions.versions': pending('definitions.versions'),
    'script.get': pending('script.get'),
    'script.update': pending('script.update'),
  } as FakeQualification;
};
