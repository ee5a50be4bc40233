import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installMenu, menuTemplate } from '../../../electron/menu';
import { CATALOGS } from '../../../shared/i18n';
import { Menu } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label);

describe('menu', () => {
  it('labels the top level from the catalog', () => {
    const t = (key: string) => `<${key}>`;
    expect(labels(menuTemplate(t, 'linux'))).toEqual(['<menu.file>', '<menu.edit>', '<menu.view>', '<menu.window>', '<menu.help>']);
    expect(labels(menuTemplate(t, 'darwin'))[0]).toBe('Bantam');
  });

  it.each(['ja', 'en'] as const)('installs a %s menu', async (language) => {
    Menu.setApplicationMenu.mockClear();
    await installMenu(language);
    const built = Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
    const menu = CATALOGS[language].menu;
    expect(labels(built)).toContain(menu.file);
    expect(labels(built)).toContain(menu.help);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });
});
