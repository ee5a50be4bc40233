import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app-context';
import { VIEWS } from '../state/app-store';
import { NavIcon } from './NavIcon';

export const NavBar = () => {
  const { t } = useTranslation();
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="nav-brand">
        <span className="nav-logo" aria-hidden="true">B</span>
        <span className="nav-name">{t('app.name')}</span>
      </div>
      <ul className="nav-list">
        {VIEWS.map((v) => (
          <li key={v}>
            <button
              type="button"
              className="nav-item"
              aria-current={v === view ? 'page' : undefined}
              onClick={() => setView(v)}
            >
              <NavIcon view={v} />
              <span>{t(`nav.${v}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
};
