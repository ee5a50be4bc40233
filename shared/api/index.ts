import type { z } from 'zod';
import type { Envelope, MethodSpec } from './define';
import { callsApi } from './calls';
import type { ApiEvent } from './events';
import { exportsApi } from './exports';
import { handoffApi } from './handoff';
import { importsApi } from './imports';
import { leadsApi } from './leads';
import { qualificationApi } from './qualification';
import { reportsApi } from './reports';
import { settingsApi } from './settings';
import { storeApi } from './store';

// THE contract: every backend method, merged from one file per feature.
export const contract = {
  ...leadsApi,
  ...importsApi,
  ...storeApi,
  ...settingsApi,
  ...callsApi,
  ...qualificationApi,
  ...exportsApi,
  ...reportsApi,
  ...handoffApi,
} as const;

export type Api = typeof contract;
export type MethodName = keyof Api;
type SchemaOf<K extends MethodName> = Api[K] extends MethodSpec<infer S, unknown> ? S : never;
// What a caller passes (defaults may be omitted) and what a handler receives (defaults applied).
export type Input<K extends MethodName> = z.input<SchemaOf<K>>;
export type ParsedInput<K extends MethodName> = z.output<SchemaOf<K>>;
export type Output<K extends MethodName> = Api[K] extends MethodSpec<z.ZodType, infer O> ? O : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

// A file the user chose for import: a path the backend can read, and the name to show.
export type PickedFile = { path: string; name: string };

// What each host puts at window.bantam: one function per method, plus the event subscription and
// host capabilities that are not backend methods (each host implements them its own way).
export type Bridge = { [K in MethodName]: (input: Input<K>) => Promise<Envelope<Output<K>>> } & {
  onEvent: (listener: (event: ApiEvent) => void) => () => void;
  // null when the user cancelled.
  pickImportFile: () => Promise<PickedFile | null>;
  // Where to save an export (a save dialog that asks before replacing a file; null when cancelled),
  // and handing the written file to the user (the web host downloads it; Electron has nothing to do).
  pickExportFile: (suggestedName: string) => Promise<PickedFile | null>;
  deliverExportFile: (file: PickedFile) => Promise<void>;
  // Desktop only: the page as printed (the A4 handoff sheet) saved to a PDF the user names; null
  // when cancelled. A browser prints to PDF from its own print dialog.
  savePagePdf?: (suggestedName: string) => Promise<PickedFile | null>;
};

export type { Envelope, ApiErrorBody, ErrorCode, ApiIssue } from './define';
export type { ApiEvent, ApiEvents, EventName } from './events';
