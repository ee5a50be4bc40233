import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const ViewCrashed = ({ onRetry }: { onRetry: () => void }) => {
  const { t } = useTranslation();
  return (
    <div className="empty-state" role="alert">
      <p className="empty-title">{t('errors.viewCrashed')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
};

type Props = { children: ReactNode };
type State = { failed: boolean };

// React offers error boundaries only as class components; this is the one class in the renderer.
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[bantam] view crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <ViewCrashed onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}
