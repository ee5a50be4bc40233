import type { ImportNotice } from '../../shared/api/imports';
import { useReasonText } from './use-reason-text';

// Lines of the file left out as not data (a Salesforce report's footer), so the user knows why
// the row count is smaller than the file's line count.
export const ImportNotices = ({ notices }: { notices: readonly ImportNotice[] }) => {
  const reasonText = useReasonText();
  if (notices.length === 0) return null;
  return (
    <div className="import-warnings" role="status" data-testid="import-notices">
      <ul>
        {notices.map((notice) => (
          <li key={`${notice.code}-${notice.line}`}>{reasonText(notice)}</li>
        ))}
      </ul>
    </div>
  );
};
