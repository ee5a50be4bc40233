import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../shared/api/settings';
import { createI18n } from '../shared/i18n';

type Translate = (key: string) => string;

// The native menu: standard roles only (their accelerators and behaviour come from the OS), with
// top-level labels from the catalog.
export const menuTemplate = (t: Translate, platform: NodeJS.Platform): MenuItemConstructorOptions[] => {
  const mac = platform === 'darwin';
  const quit: MenuItemConstructorOptions = { role: 'quit', label: t('menu.quit') };
  return [
    ...(mac ? [{ role: 'appMenu' as const, label: 'Bantam' }] : []),
    { label: t('menu.file'), submenu: [mac ? { role: 'close' } : quit] },
    {
      label: t('menu.edit'),
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: t('menu.view'),
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: t('menu.window'), submenu: [{ role: 'minimize' }, ...(mac ? [{ role: 'zoom' as const }, { role: 'front' as const }] : [])] },
    { label: t('menu.help'), role: 'help', submenu: [{ role: 'about' }] },
  ];
};

export const installMenu = async (language: Language): Promise<void> => {
  const i18n = await createI18n(language);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((key) => i18n.t(key), process.platform)));
};
