import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallingRules } from '../../shared/domain/calling';
import { createFakeBridge } from './fake-bridge';
import { fakeCallsOf } from './fake-calls';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const updates = (bridge: ReturnType<typeof createFakeBridge>) =>
  bridge.calls.filter((c) => c.method === 'queue.updateRules').map((c) => c.input as { rules: CallingRules; version: number });

// The calling rules are the team lead's to edit.
const teamLeadBridge = () => {
  const bridge = createFakeBridge(3);
  bridge.preferences = { ...bridge.preferences, role: 'team_lead' };
  return bridge;
};

describe('calling rules editor', () => {
  it('is not offered to a rep', async () => {
    await renderApp(createFakeBridge(3), 'settings');
    expect(await screen.findByText(/架電ルール・定義・スクリプトを編集できるのはマネージャーだけです/)).toBeTruthy();
    expect(screen.queryByLabelText('1日あたりの最大架電回数')).toBeNull();
  });

  it('shows field messages from the catalog and does not save invalid rules', async () => {
    const bridge = teamLeadBridge();
    await renderApp(bridge, 'settings');
    const cap = (await screen.findByLabelText('1日あたりの最大架電回数')) as HTMLInputElement;
    expect(cap.value).toBe('2');
    fireEvent.input(cap, { target: { value: '0' } });
    fireEvent.input(screen.getByLabelText('終了'), { target: { value: '08:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'ルールを更新' }));
    expect(await screen.findByText('1〜20の範囲で入力してください。')).toBeTruthy();
    expect(screen.getByText('終了時刻は開始時刻より後にしてください。')).toBeTruthy();
    expect(cap.getAttribute('aria-invalid')).toBe('true');
    expect(updates(bridge)).toHaveLength(0);
  });

  it('refuses switching every outcome off', async () => {
    const bridge = teamLeadBridge();
    await renderApp(bridge, 'settings');
    await screen.findByLabelText('使う 1');
    for (let i = 1; i <= 8; i += 1) fireEvent.click(screen.getByLabelText(`使う ${i}`));
    fireEvent.click(screen.getByRole('button', { name: 'ルールを更新' }));
    expect(await screen.findByText('少なくとも1つの結果を使う設定にしてください。')).toBeTruthy();
    expect(updates(bridge)).toHaveLength(0);
  });

  it('saves renamed, reordered and added outcomes, hot sources and the queue order with the version', async () => {
    const bridge = teamLeadBridge();
    await renderApp(bridge, 'settings');
    fireEvent.input(await screen.findByLabelText('表示名(日本語) 2'), { target: { value: '不在(再架電)' } });
    fireEvent.click(screen.getByRole('button', { name: '新規ホット を上へ' }));
    fireEvent.click(screen.getByRole('button', { name: 'busy を下へ' }));
    fireEvent.input(screen.getByLabelText('ホットとみなす流入元(1行に1つ)'), { target: { value: '問い合わせ\n\n 料金表 \n' } });
    fireEvent.click(screen.getByLabelText('使う 4'));
    const group = screen.getByRole('group', { name: '通話結果' });
    fireEvent.change(within(group).getByLabelText('新しい結果のコード'), { target: { value: 'decision_maker_absent' } });
    fireEvent.click(within(group).getByRole('button', { name: '結果を追加' }));
    fireEvent.click(screen.getByRole('button', { name: 'ルールを更新' }));
    expect(await screen.findByText('更新しました(バージョン 2)')).toBeTruthy();
    const [saved] = updates(bridge);
    expect(saved?.version).toBe(1);
    expect(saved?.rules.bucketOrder).toEqual(['hot_new', 'callback_due', 'cadence_due', 'rest']);
    expect(saved?.rules.hotSources).toEqual(['問い合わせ', '料金表']);
    expect(saved?.rules.outcomes.map((o) => o.code).slice(0, 4)).toEqual(['connected', 'no_answer', 'voicemail', 'busy']);
    expect(saved?.rules.outcomes[1]?.label).toEqual({ ja: '不在(再架電)' });
    expect(saved?.rules.outcomes[3]?.enabled).toBe(false);
    // As it travels to the backend (JSON): empty labels are simply absent.
    expect(JSON.parse(JSON.stringify(saved?.rules.outcomes.at(-1)))).toEqual({ code: 'decision_maker_absent', effect: 'no_contact', enabled: true });
    expect(fakeCallsOf(bridge).rules.version).toBe(2);
  });

  it('keeps the edits on a version conflict, names the newer version and can load it', async () => {
    const bridge = teamLeadBridge();
    await renderApp(bridge, 'settings');
    const gap = (await screen.findByLabelText('架電の最小間隔(分)')) as HTMLInputElement;
    const state = fakeCallsOf(bridge);
    state.rules = { ...state.rules, version: 5, rules: { ...state.rules.rules, minGapMinutes: 90 } };
    fireEvent.input(gap, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'ルールを更新' }));
    expect(await screen.findByText(/他の人がルールを先に更新しました\(バージョン 5\)。入力内容は残してあります。/)).toBeTruthy();
    expect(gap.value).toBe('45');
    fireEvent.click(screen.getByRole('button', { name: '最新のルールを読み込む' }));
    await waitFor(() => expect(gap.value).toBe('90'));
    fireEvent.input(gap, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'ルールを更新' }));
    expect(await screen.findByText('更新しました(バージョン 6)')).toBeTruthy();
    expect(state.rules.rules.minGapMinutes).toBe(45);
  });
});
