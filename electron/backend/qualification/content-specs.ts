import { DEFAULT_SCRIPT_CONTENT, scriptContentSchema, type ScriptContent } from '../../../shared/domain/hearing-script';
import { DEFAULT_DEFINITIONS_CONTENT, definitionsContentSchema, type DefinitionsContent } from '../../../shared/domain/stage-definitions';
import type { VersionedSpec } from './versioned-content';

export const DEFINITIONS_SPEC: VersionedSpec<DefinitionsContent> = {
  table: 'stage_definitions',
  schema: definitionsContentSchema,
  defaults: DEFAULT_DEFINITIONS_CONTENT,
  entity: 'stage_definitions',
  event: 'definitions.changed',
  label: 'the stage definitions',
  keys: { conflict: 'qualification.error.definitionsConflict', forbidden: 'qualification.error.definitionsForbidden' },
};

export const SCRIPT_SPEC: VersionedSpec<ScriptContent> = {
  table: 'hearing_scripts',
  schema: scriptContentSchema,
  defaults: DEFAULT_SCRIPT_CONTENT,
  entity: 'hearing_script',
  event: 'script.changed',
  label: 'the hearing script',
  keys: { conflict: 'qualification.error.scriptConflict', forbidden: 'qualification.error.scriptForbidden' },
};
