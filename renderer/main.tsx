import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n } from '../shared/i18n';
import { App } from './app/App';
import './styles/app.css';

// Japanese until 'settings.get' answers; the App then switches to the saved language.
const start = async () => {
  const root = document.getElementById('root');
  if (!root) return;
  const i18n = await createI18n('ja');
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
};

void start();
