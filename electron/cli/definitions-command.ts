import type { TFunction } from 'i18next';
import type { ReasonList, ReasonLists } from '../../shared/domain/reasons';
import { describeRule, ruleText, type Translate } from '../../shared/domain/rule-words';
import type { DefinedStage, StageDefinitions } from '../../shared/domain/stage-definitions';
import type { Backend } from '../backend';
import { english, jstTime } from './call-commands';
import { unwrap, type CliValues } from './common';

const RULES: readonly DefinedStage[] = ['tql', 'nurture'];
const LISTS: readonly ReasonList[] = ['disqualify', 'nurture', 'reject'];

// A reason in the team's own words when it wrote some, else the catalog's.
const reasonLabel = (list: ReasonList, reason: ReasonLists[ReasonList][number], t: TFunction): string =>
  reason.label?.en || reason.label?.ja || t(`qualification.reason.${list}.${reason.code}`, { defaultValue: reason.code });

// bantam definitions: the team's current stage definitions in words, with their version, and the
// reason lists decisions draw from.
export const definitionsCommand = async (backend: Backend, values: CliValues): Promise<void> => {
  const definitions = unwrap<StageDefinitions>(await backend.call('definitions.get', {}));
  if (values.json) {
    console.log(JSON.stringify(definitions, null, 2));
    return;
  }
  const t = await english();
  const say: Translate = (key, params) => t(key, params);
  console.log(t('qualification.cli.definitionsHeader', { version: definitions.version, at: jstTime(definitions.updatedAt, t), by: definitions.updatedBy }));
  for (const stage of RULES) {
    console.log(`\n${t(`qualification.stageRule.${stage}`)}:`);
    console.log(`  ${ruleText(describeRule(definitions.rules[stage]), say)}`);
  }
  for (const list of LISTS) {
    console.log(`\n${t(`qualification.cli.reasons.${list}`)}:`);
    for (const reason of definitions.reasons[list]) {
      console.log(`  - ${reason.code.padEnd(24)} ${reasonLabel(list, reason, t)}${reason.enabled ? '' : ` ${t('qualification.cli.off')}`}`);
    }
  }
};
