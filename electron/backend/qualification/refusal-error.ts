import type { ErrorCode } from '../../../shared/api';
import type { Refusal, RefusalCode } from '../../../shared/domain/stage-machine';
import { BantamError } from '../errors';

type Params = Record<string, string | number>;

// The stage machine's refusals in English for logs and the CLI; the renderer shows the catalog
// text of the refusal's messageKey (qualification.refused.*) instead.
const ENGLISH: Record<RefusalCode, (p: Params) => string> = {
  wrong_stage: (p) => `A lead at stage "${p.stage}" cannot take the decision "${p.action}". Check its history for the current stage. Nothing was changed.`,
  role_not_allowed: (p) => `The role "${p.role}" may not take the decision "${p.action}". Ask someone who may. Nothing was changed.`,
  definition_not_met: (p) =>
    `The lead does not meet the TQL definition (version ${p.version}): ${p.failed} condition(s) not met, ${p.missing} unknown. Keep hearing, or qualify it as an exception with a reason. Nothing was changed.`,
  override_reason_required: () => 'Making a lead TQL without meeting the definition needs a reason in the comment. Write it and decide again. Nothing was changed.',
  reason_required: (p) => `Choose a reason from the ${p.list} list. Nothing was changed.`,
  unknown_reason: (p) => `"${p.reason}" is not on the ${p.list} list or is switched off. Choose one from the list. Nothing was changed.`,
  recontact_required: () => 'A lead sent to nurture needs a re-contact date. Choose one. Nothing was changed.',
  recontact_not_future: (p) => `The re-contact date ${p.date} is not after today (${p.today}). Choose tomorrow or later. Nothing was changed.`,
  comment_required: (p) => `The decision "${p.action}" needs a comment saying why. Write it and try again. Nothing was changed.`,
};

// A decision for someone else's role is forbidden; one the lead's stage no longer allows is a
// conflict (someone moved it first, or the view is stale); the rest is input to correct.
const CODE: Partial<Record<RefusalCode, ErrorCode>> = { role_not_allowed: 'forbidden', wrong_stage: 'conflict' };

export const refusalError = (refusal: Refusal): BantamError =>
  new BantamError(CODE[refusal.code] ?? 'invalid_input', ENGLISH[refusal.code](refusal.params), { messageKey: refusal.messageKey, params: refusal.params });
