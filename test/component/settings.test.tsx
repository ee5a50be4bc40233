import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

describe('settings', () => {
  it('saves English via settings.update and the whole UI switches language', async () => {
    const bridge = createFakeBridge(3);
    await renderApp(bridge, 'settings');
    fireEvent.change(await screen.findByLabelText('表示言語'), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.method === 'settings.update')?.input).toMatchObject({ language: 'en' }),
    );
    const nav = await screen.findByRole('navigation', { name: 'Main menu' });
    expect(within(nav).getByRole('button', { name: 'Leads' })).toBeTruthy();
    expect(screen.getByLabelText('Language')).toBeTruthy();
    expect(await screen.findByText('Saved')).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('starts in the language the backend remembered', async () => {
    const bridge = createFakeBridge(3);
    bridge.preferences = { language: 'en', userName: 'Sato', role: 'rep' };
    await renderApp(bridge, 'settings');
    expect(await screen.findByRole('navigation', { name: 'Main menu' })).toBeTruthy();
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Sato');
  });

  it('keeps what was typed and shows the Japanese catalog error when saving fails', async () => {
    const bridge = createFakeBridge(3);
    await renderApp(bridge, 'settings');
    const name = (await screen.findByLabelText('あなたの名前')) as HTMLInputElement;
    fireEvent.input(name, { target: { value: '鈴木 花子' } });
    bridge.failNext.set('settings.update', {
      code: 'store_unavailable',
      message: 'database is locked',
      messageKey: 'errors.store.locked',
    });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const alert = await screen.findByText('データファイルが別のプログラムで使用中です。閉じてから再度お試しください。');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(name.value).toBe('鈴木 花子');
    expect(screen.queryByText('保存しました')).toBeNull();
  });

  it('shows a validation error next to the field without calling the backend', async () => {
    const bridge = createFakeBridge(3);
    await renderApp(bridge, 'settings');
    const name = (await screen.findByLabelText('あなたの名前')) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'あ'.repeat(101) } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('名前は100文字以内で入力してください。')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(bridge.calls.some((c) => c.method === 'settings.update')).toBe(false);
  });

  it('shows where the store lives', async () => {
    await renderApp(createFakeBridge(1), 'settings');
    expect(await screen.findByText('データの保存先')).toBeTruthy();
    expect(screen.getAllByText(/bantam\.db/).length).toBeGreaterThan(0);
  });
});
