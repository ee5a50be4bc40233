import { useTranslation } from 'react-i18next';
import type { DraftStatus } from '../call/use-autosave';
import { useErrorText } from '../i18n/use-error-text';
import { formatJst } from '../queue/jst-time';
import { useApp } from '../state/app-context';

// The line under a drafted field saying whether what was typed is safe. `words` is the catalog
// prefix holding saving / saved / restored / saveFailed / loadFailed.
export const DraftLine = ({ status, words = 'hearing.draft' }: { status: DraftStatus; words?: string }) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const failed = status.kind === 'failed' || status.kind === 'loadFailed';
  return (
    <p className={failed ? 'field-error' : 'field-help'} role={failed ? 'alert' : 'status'}>
      {status.kind === 'saving' && t(`${words}.saving`)}
      {status.kind === 'saved' && t(`${words}.saved`, { time: formatJst(status.at, language) })}
      {status.kind === 'restored' && t(`${words}.restored`)}
      {status.kind === 'failed' && `${t(`${words}.saveFailed`)} ${errorText(status.error)}`}
      {status.kind === 'loadFailed' && `${t(`${words}.loadFailed`)} ${errorText(status.error)}`}
    </p>
  );
};
