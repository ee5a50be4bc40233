import type { BackendContext } from '../context';
import { BantamError } from '../errors';
import type { Handlers } from '../handlers';
import type { LeadRepository } from '../leads/repository';
import type { PreferencesStore } from '../settings/preferences';

type QualificationMethod = Extract<keyof Handlers, `hearing.${string}` | `stage.${string}` | `definitions.${string}` | `script.${string}`>;

// PLACEHOLDER while the hearing backend is being built this session: replaced before landing.
const pending = (): never => {
  throw new BantamError('internal', 'The hearing is being built.');
};

export const createQualificationHandlers = (
  _ctx: BackendContext,
  _leads: LeadRepository,
  _preferences: PreferencesStore,
): Pick<Handlers, QualificationMethod> => ({
  'hearing.get': pending,
  'hearing.saveDraft': pending,
  'hearing.save': pending,
  'hearing.history': pending,
  'stage.decide': pending,
  'stage.history': pending,
  'definitions.get': pending,
  'definitions.update': pending,
  'definitions.versions': pending,
  'script.get': pending,
  'script.update': pending,
});
