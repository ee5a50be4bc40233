import '../styles/hearing.css';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app-context';
import { CallingRulesEditor } from './CallingRulesEditor';
import { DefinitionsEditor } from './DefinitionsEditor';
import { ScriptEditor } from './ScriptEditor';
import { SlaEditor } from './SlaEditor';

// The calling rules, the definitions and the hearing script are the team lead's to edit; everyone
// else reads the definitions on the Definitions page and the queue explains each lead's place.
export const TeamLeadEditors = () => {
  const { t } = useTranslation();
  const role = useApp((s) => s.preferences?.role ?? 'rep');
  const setView = useApp((s) => s.setView);
  if (role !== 'team_lead') {
    return (
      <section className="rules-editor" aria-labelledby="definitions-editor-title">
        <h2 id="definitions-editor-title" className="view-title">{t('hearing.editor.title')}</h2>
        <p className="field-help">{t('hearing.editor.readOnly', { role: t(`hearing.role.${role}`) })}</p>
        <button type="button" className="button" onClick={() => setView('definitions')}>{t('hearing.editor.openDefinitions')}</button>
      </section>
    );
  }
  return (
    <>
      <CallingRulesEditor />
      <DefinitionsEditor />
      <ScriptEditor />
      <SlaEditor />
    </>
  );
};
