import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTextEntry } from './keys';

const SHORTCUTS = ['next', 'start', 'outcome', 'notes', 'log', 'back', 'help'] as const;
// The hearing's keys in the call view (catalog: hearing.shortcuts).
const HEARING_SHORTCUTS = ['hearing', 'answer', 'decide', 'save'] as const;

// The `?` overlay: every cockpit shortcut in one list. Esc or the button closes it.
const ShortcutsOverlay = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="overlay-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // While the overlay is open, no key reaches the screen's shortcuts (Esc must not mean "back").
          e.nativeEvent.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id="shortcuts-title" className="overlay-title">{t('call.shortcuts.title')}</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map((key) => (
            <div key={key} className="shortcut">
              <dt><kbd className="kbd">{t(`call.shortcuts.keys.${key}`)}</kbd></dt>
              <dd>{t(`call.shortcuts.${key}`)}</dd>
            </div>
          ))}
          {HEARING_SHORTCUTS.map((key) => (
            <div key={key} className="shortcut">
              <dt><kbd className="kbd">{t(`hearing.shortcuts.keys.${key}`)}</kbd></dt>
              <dd>{t(`hearing.shortcuts.${key}`)}</dd>
            </div>
          ))}
        </dl>
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          {t('call.shortcuts.close')}
        </button>
      </div>
    </div>
  );
};

// The button that opens the overlay, and the `?` key that does the same from anywhere but a text field.
export const ShortcutsButton = () => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || isTextEntry(event.target)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        {t('call.shortcuts.open')}
      </button>
      {open && <ShortcutsOverlay onClose={() => setOpen(false)} />}
    </>
  );
};
