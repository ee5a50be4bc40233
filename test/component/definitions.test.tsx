import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { fakeQualificationOf } from './fake-qualification';
import { renderApp, useFakeLayout } from './render-app';

useFakeLayout();

const updates = (bridge: FakeBridge, method: string) => bridge.calls.filter((c) => c.method === method);

const asTeamLead = async () => {
  const bridge = createFakeBridge(3);
  bridge.preferences = { language: 'ja', userName: '田中', role: 'team_lead' };
  await renderApp(bridge, 'settings');
  const tql = await screen.findByRole('group', { name: 'TQL の定義' }, { timeout: 5000 });
  return { bridge, tql };
};

describe('definitions page', () => {
  it('shows the current definitions in plain words with version and history, for everyone, in Japanese', async () => {
    const bridge = createFakeBridge(3);
    await renderApp(bridge, 'queue');
    fireEvent.click(within(await screen.findByRole('navigation')).getByRole('button', { name: '定義' }));
    const tql = await screen.findByTestId('definition-tql');
    expect(tql.textContent).toBe('課題の深刻度が「高い」、「中程度」のいずれか かつ 導入時期が6か月以内 かつ 相手の立場(決裁権)が「決裁者」、「影響者(決裁に関与)」のいずれか かつ 予算が「予算なし」ではない');
    expect(screen.getByTestId('definition-nurture').textContent).toContain('予算が「来期予算で予定」 または ');
    expect(screen.getByText('競合に決定済み')).toBeTruthy();
    expect(screen.getAllByText(/^v1 · .* · system$/)).toHaveLength(2);
  });

  it('reads in English, and follows a newly published version', async () => {
    const bridge = createFakeBridge(3);
    bridge.preferences = { language: 'en', userName: '', role: 'rep' };
    await renderApp(bridge, 'definitions');
    const tql = await screen.findByTestId('definition-tql');
    expect(tql.textContent).toBe('Need severity is "High" or "Medium" AND Timeline is within 6 months AND The contact\'s authority is "Decision maker" or "Influencer" AND Budget is not "No budget"');
    // Another team lead publishes version 2.
    const { rules, reasons } = fakeQualificationOf(bridge).definitions;
    await bridge['definitions.update']({ content: { rules: { ...rules, tql: { join: 'and', terms: [{ item: 'need', op: 'is_known' }] } }, reasons }, version: 1 });
    await waitFor(() => expect(screen.getByTestId('definition-tql').textContent).toBe('Need severity is known'));
    expect(screen.getByText('Version history').nextElementSibling?.children).toHaveLength(2);
  });
});

describe('role and team lead editors', () => {
  it('saves the role from settings, and shows the editors only to a team lead', async () => {
    const bridge = createFakeBridge(3);
    await renderApp(bridge, 'settings');
    expect(await screen.findByText(/架電ルール・定義・スクリプトを編集できるのはマネージャーだけです\(あなたの役割: インサイドセールス\)/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'TQL の定義' })).toBeNull();
    fireEvent.change(screen.getByLabelText('役割'), { target: { value: 'team_lead' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(updates(bridge, 'settings.update')[0]?.input).toMatchObject({ role: 'team_lead' }));
    expect(await screen.findByRole('group', { name: 'TQL の定義' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'ヒアリングスクリプト' })).toBeTruthy();
  });

  it('edits a condition with a live plain-words preview and publishes a new version', async () => {
    const { bridge, tql } = await asTeamLead();
    const second = within(tql).getByRole('group', { name: '条件 2' });
    fireEvent.change(within(second).getByLabelText('か月'), { target: { value: '3' } });
    expect(within(tql).getByText(/導入時期が3か月以内/)).toBeTruthy();
    fireEvent.click(within(tql).getAllByRole('button', { name: '削除' })[3]!);
    expect(within(tql).getByText(/^課題の深刻度が「高い」、「中程度」のいずれか かつ 導入時期が3か月以内 かつ 相手の立場/)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '保存(v2 として公開)' })[0]!);
    await waitFor(() => expect(fakeQualificationOf(bridge).definitions.version).toBe(2));
    expect(fakeQualificationOf(bridge).definitions.rules.tql.terms).toHaveLength(3);
    expect(fakeQualificationOf(bridge).definitions.rules.tql.terms[1]).toEqual({ item: 'timeline', op: 'within_months', months: 3 });
    expect(await screen.findByText('v2 として保存しました')).toBeTruthy();
  });

  it('says what is wrong in the reason lists and saves nothing', async () => {
    const { bridge } = await asTeamLead();
    const list = screen.getByRole('group', { name: '対象外の理由' });
    fireEvent.click(within(list).getByRole('button', { name: '理由を追加' }));
    fireEvent.change(within(list).getByLabelText('新しい理由 9 のコード'), { target: { value: 'Bad Code' } });
    fireEvent.change(within(list).getByLabelText('no_budget の表示名(日本語)'), { target: { value: '予算が取れない' } });
    fireEvent.click(screen.getAllByRole('button', { name: '保存(v2 として公開)' })[0]!);
    expect(await screen.findByText('対象外の理由の 9 行目: コードは英小文字で始め、英小文字・数字・_ だけで 40 文字以内にしてください。')).toBeTruthy();
    expect(updates(bridge, 'definitions.update')).toHaveLength(0);

    fireEvent.change(within(list).getByLabelText('新しい理由 9 のコード'), { target: { value: 'budget_frozen' } });
    fireEvent.click(screen.getAllByRole('button', { name: '保存(v2 として公開)' })[0]!);
    await waitFor(() => expect(fakeQualificationOf(bridge).definitions.version).toBe(2));
    const reasons = fakeQualificationOf(bridge).definitions.reasons.disqualify;
    expect(reasons.find((r) => r.code === 'no_budget')).toEqual({ code: 'no_budget', enabled: true, label: { ja: '予算が取れない' } });
    expect(reasons.at(-1)).toEqual({ code: 'budget_frozen', enabled: true });
  });

  it('keeps the edits on a conflict, names the newer version, and can save over it', async () => {
    const { bridge, tql } = await asTeamLead();
    const state = fakeQualificationOf(bridge);
    state.definitions = { ...state.definitions, version: 2, updatedBy: '鈴木' };
    fireEvent.click(within(tql).getByRole('button', { name: 'グループを追加' }));
    fireEvent.click(screen.getAllByRole('button', { name: '保存(v2 として公開)' })[0]!);
    expect(await screen.findByText(/この間に 鈴木 さんが v2 を保存しました/)).toBeTruthy();
    expect(within(tql).getByRole('group', { name: 'グループ 5' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '編集内容で v2 を上書きする' }));
    fireEvent.click(screen.getAllByRole('button', { name: '保存(v3 として公開)' })[0]!);
    await waitFor(() => expect(state.definitions.version).toBe(3));
    expect(state.definitions.rules.tql.terms).toHaveLength(5);
  });

  it('edits the script: order, required and questions, refusing an empty question', async () => {
    const { bridge } = await asTeamLead();
    const budget = screen.getByRole('group', { name: '予算' });
    fireEvent.change(within(budget).getByLabelText('予算 の質問 1(日本語)'), { target: { value: '' } });
    fireEvent.change(within(budget).getByLabelText('予算 の質問 1(英語)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '必要性 を上へ' }));
    fireEvent.click(within(screen.getByRole('group', { name: '比較中の競合' })).getByLabelText('必須'));
    const save = () => fireEvent.click(screen.getAllByRole('button', { name: '保存(v2 として公開)' })[1]!);
    save();
    expect(await screen.findByText(/予算 の質問 1: 日本語か英語で書いてください/)).toBeTruthy();
    expect(updates(bridge, 'script.update')).toHaveLength(0);

    fireEvent.change(within(budget).getByLabelText('予算 の質問 1(日本語)'), { target: { value: 'ご予算の状況はいかがですか？' } });
    save();
    await waitFor(() => expect(fakeQualificationOf(bridge).script.version).toBe(2));
    const items = fakeQualificationOf(bridge).script.items;
    expect(items.map((i) => i.item).slice(0, 4)).toEqual(['budget', 'need', 'authority', 'timeline']);
    expect(items[0]?.questions[0]).toEqual({ ja: 'ご予算の状況はいかがですか？' });
    expect(items.find((i) => i.item === 'competitors')?.required).toBe(true);
  });
});
