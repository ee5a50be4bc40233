// Word lists for the demo data. Everything here is made up; readings sit next to what they read
// so a name and its furigana can never drift apart.

// [written, katakana reading, romanisation for the mail domain]
export type Word = readonly [string, string, string];

// Invented company name stems.
export const COMPANY_STEMS: readonly Word[] = [
  ['サンプル', 'サンプル', 'sample'],
  ['ミナモ', 'ミナモ', 'minamo'],
  ['ソラノ', 'ソラノ', 'sorano'],
  ['カザハナ', 'カザハナ', 'kazahana'],
  ['ツバメ野', 'ツバメノ', 'tsubameno'],
  ['白鷺台', 'シラサギダイ', 'shirasagidai'],
  ['青葉原', 'アオバハラ', 'aobahara'],
  ['東雲', 'シノノメ', 'shinonome'],
  ['若葉台', 'ワカバダイ', 'wakabadai'],
  ['星見', 'ホシミ', 'hoshimi'],
  ['緑川', 'ミドリカワ', 'midorikawa'],
  ['朝凪', 'アサナギ', 'asanagi'],
  ['北辰堂', 'ホクシンドウ', 'hokushindo'],
  ['ルミナス', 'ルミナス', 'luminas'],
  ['アルテア', 'アルテア', 'altea'],
  ['ノルディア', 'ノルディア', 'nordia'],
  ['グランツ', 'グランツ', 'grantz'],
  ['フォレスタ', 'フォレスタ', 'foresta'],
  ['コトブキ', 'コトブキ', 'kotobuki'],
  ['ハヤテ', 'ハヤテ', 'hayate'],
  ['三ツ星', 'ミツボシ', 'mitsuboshi'],
  ['大和田', 'オオワダ', 'owada'],
  ['桜丘', 'サクラガオカ', 'sakuragaoka'],
  ['ベイサイド', 'ベイサイド', 'bayside'],
  ['テクノ', 'テクノ', 'techno'],
  ['ネクサス', 'ネクサス', 'nexus'],
  ['ヤマブキ', 'ヤマブキ', 'yamabuki'],
  ['瑞穂野', 'ミズホノ', 'mizuhono'],
];

// Business words after the stem, each with the industry it suggests.
export type CompanySuffix = { word: Word; industry: string };
export const COMPANY_SUFFIXES: readonly CompanySuffix[] = [
  { word: ['商事', 'ショウジ', 'shoji'], industry: '卸売' },
  { word: ['工業', 'コウギョウ', 'kogyo'], industry: '製造業' },
  { word: ['製作所', 'セイサクショ', 'seisakusho'], industry: '製造業' },
  { word: ['精機', 'セイキ', 'seiki'], industry: '製造業' },
  { word: ['電機', 'デンキ', 'denki'], industry: '製造業' },
  { word: ['システムズ', 'システムズ', 'systems'], industry: 'IT・通信' },
  { word: ['ソリューションズ', 'ソリューションズ', 'solutions'], industry: 'IT・通信' },
  { word: ['テクノロジー', 'テクノロジー', 'tech'], industry: 'IT・通信' },
  { word: ['ネットワークス', 'ネットワークス', 'networks'], industry: 'IT・通信' },
  { word: ['建設', 'ケンセツ', 'kensetsu'], industry: '建設' },
  { word: ['ホーム', 'ホーム', 'home'], industry: '不動産' },
  { word: ['物流', 'ブツリュウ', 'logi'], industry: '物流' },
  { word: ['運輸', 'ウンユ', 'unyu'], industry: '物流' },
  { word: ['ストア', 'ストア', 'store'], industry: '小売' },
  { word: ['フーズ', 'フーズ', 'foods'], industry: '食品' },
  { word: ['メディカル', 'メディカル', 'medical'], industry: '医療・福祉' },
  { word: ['ケアサービス', 'ケアサービス', 'care'], industry: '医療・福祉' },
  { word: ['ファイナンス', 'ファイナンス', 'finance'], industry: '金融' },
  { word: ['コンサルティング', 'コンサルティング', 'consulting'], industry: 'サービス' },
  { word: ['エナジー', 'エナジー', 'energy'], industry: 'エネルギー' },
];

// Legal forms with how often they occur; position decides 前株 (株式会社X) or 後株 (X株式会社).
export const LEGAL_FORMS: readonly { form: string; front: boolean; weight: number }[] = [
  { form: '株式会社', front: true, weight: 45 },
  { form: '株式会社', front: false, weight: 40 },
  { form: '合同会社', front: false, weight: 8 },
  { form: '有限会社', front: true, weight: 4 },
  { form: '有限会社', front: false, weight: 3 },
];

export type NamePart = Word;
export const FAMILY_NAMES: readonly NamePart[] = [
  ['佐藤', 'サトウ', 'sato'],
  ['鈴木', 'スズキ', 'suzuki'],
  ['高橋', 'タカハシ', 'takahashi'],
  ['田中', 'タナカ', 'tanaka'],
  ['伊藤', 'イトウ', 'ito'],
  ['渡辺', 'ワタナベ', 'watanabe'],
  ['山本', 'ヤマモト', 'yamamoto'],
  ['中村', 'ナカムラ', 'nakamura'],
  ['小林', 'コバヤシ', 'kobayashi'],
  ['加藤', 'カトウ', 'kato'],
  ['吉田', 'ヨシダ', 'yoshida'],
  ['山田', 'ヤマダ', 'yamada'],
  ['佐々木', 'ササキ', 'sasaki'],
  ['山口', 'ヤマグチ', 'yamaguchi'],
  ['松本', 'マツモト', 'matsumoto'],
  ['井上', 'イノウエ', 'inoue'],
  ['木村', 'キムラ', 'kimura'],
  ['林', 'ハヤシ', 'hayashi'],
  ['斎藤', 'サイトウ', 'saito'],
  ['清水', 'シミズ', 'shimizu'],
  ['森', 'モリ', 'mori'],
  ['池田', 'イケダ', 'ikeda'],
  ['橋本', 'ハシモト', 'hashimoto'],
  ['石川', 'イシカワ', 'ishikawa'],
  ['前田', 'マエダ', 'maeda'],
  ['藤田', 'フジタ', 'fujita'],
  ['岡田', 'オカダ', 'okada'],
  ['後藤', 'ゴトウ', 'goto'],
  ['長谷川', 'ハセガワ', 'hasegawa'],
  ['村上', 'ムラカミ', 'murakami'],
];

export const GIVEN_NAMES: readonly NamePart[] = [
  ['翔太', 'ショウタ', 'shota'],
  ['大輔', 'ダイスケ', 'daisuke'],
  ['健太', 'ケンタ', 'kenta'],
  ['拓也', 'タクヤ', 'takuya'],
  ['直樹', 'ナオキ', 'naoki'],
  ['浩二', 'コウジ', 'koji'],
  ['誠', 'マコト', 'makoto'],
  ['隆', 'タカシ', 'takashi'],
  ['亮', 'リョウ', 'ryo'],
  ['和也', 'カズヤ', 'kazuya'],
  ['達也', 'タツヤ', 'tatsuya'],
  ['雄一', 'ユウイチ', 'yuichi'],
  ['聡', 'サトシ', 'satoshi'],
  ['美咲', 'ミサキ', 'misaki'],
  ['陽子', 'ヨウコ', 'yoko'],
  ['由美', 'ユミ', 'yumi'],
  ['恵', 'メグミ', 'megumi'],
  ['彩', 'アヤ', 'aya'],
  ['真由美', 'マユミ', 'mayumi'],
  ['智子', 'トモコ', 'tomoko'],
  ['麻衣', 'マイ', 'mai'],
  ['優子', 'ユウコ', 'yuko'],
  ['奈々', 'ナナ', 'nana'],
  ['香織', 'カオリ', 'kaori'],
];

export const DEPARTMENTS: readonly string[] = [
  '営業部',
  '営業企画部',
  '情報システム部',
  '経営企画部',
  '総務部',
  'マーケティング部',
  '人事部',
  '経理部',
  '購買部',
  'DX推進室',
  '製造部',
  '事業開発部',
];

// Titles with a weight: staff titles are common, executives rare.
export const TITLES: readonly { title: string; weight: number }[] = [
  { title: '部長', weight: 14 },
  { title: '課長', weight: 18 },
  { title: '係長', weight: 8 },
  { title: '主任', weight: 12 },
  { title: 'マネージャー', weight: 10 },
  { title: 'リーダー', weight: 6 },
  { title: '担当', weight: 14 },
  { title: '室長', weight: 4 },
  { title: '取締役', weight: 3 },
  { title: '代表取締役', weight: 3 },
];

// Prefectures with an area code (2 digits → 4+4 local, 3 digits → 3+4) and a few addresses.
export type Place = { prefecture: string; areaCode: string; towns: readonly { postal: string; town: string }[] };
export const PLACES: readonly Place[] = [
  {
    prefecture: '東京都',
    areaCode: '03',
    towns: [
      { postal: '100-0005', town: '千代田区丸の内' },
      { postal: '105-0023', town: '港区芝浦' },
      { postal: '103-0027', town: '中央区日本橋' },
      { postal: '141-0032', town: '品川区大崎' },
      { postal: '150-0043', town: '渋谷区道玄坂' },
      { postal: '163-0590', town: '新宿区西新宿' },
    ],
  },
  {
    prefecture: '大阪府',
    areaCode: '06',
    towns: [
      { postal: '530-0001', town: '大阪市北区梅田' },
      { postal: '541-0041', town: '大阪市中央区北浜' },
      { postal: '532-0011', town: '大阪市淀川区西中島' },
    ],
  },
  {
    prefecture: '神奈川県',
    areaCode: '045',
    towns: [
      { postal: '220-0012', town: '横浜市西区みなとみらい' },
      { postal: '222-0033', town: '横浜市港北区新横浜' },
    ],
  },
  {
    prefecture: '愛知県',
    areaCode: '052',
    towns: [
      { postal: '450-0002', town: '名古屋市中村区名駅' },
      { postal: '460-0008', town: '名古屋市中区栄' },
    ],
  },
  { prefecture: '福岡県', areaCode: '092', towns: [{ postal: '812-0011', town: '福岡市博多区博多駅前' }] },
  { prefecture: '北海道', areaCode: '011', towns: [{ postal: '060-0005', town: '札幌市中央区北五条西' }] },
  { prefecture: '宮城県', areaCode: '022', towns: [{ postal: '980-0021', town: '仙台市青葉区中央' }] },
  { prefecture: '京都府', areaCode: '075', towns: [{ postal: '600-8216', town: '京都市下京区烏丸通' }] },
  { prefecture: '兵庫県', areaCode: '078', towns: [{ postal: '650-0021', town: '神戸市中央区三宮町' }] },
  { prefecture: '広島県', areaCode: '082', towns: [{ postal: '730-0011', town: '広島市中区基町' }] },
  { prefecture: '埼玉県', areaCode: '048', towns: [{ postal: '330-0854', town: 'さいたま市大宮区桜木町' }] },
  { prefecture: '静岡県', areaCode: '054', towns: [{ postal: '420-0857', town: '静岡市葵区御幸町' }] },
];

// Where leads come from, with how often, a base score, and the campaigns behind them.
export type SourceSpec = { source: string; weight: number; baseScore: number; campaigns: readonly string[] };
export const SOURCES: readonly SourceSpec[] = [
  { source: '展示会', weight: 26, baseScore: 40, campaigns: ['業務改革フェア（東京）', '製造業DX展（名古屋）', '物流ソリューション展（大阪）'] },
  { source: 'ウェビナー', weight: 22, baseScore: 50, campaigns: ['ウェビナー: 営業DX入門', 'ウェビナー: インサイドセールス立ち上げ', 'ウェビナー: 顧客データ活用'] },
  { source: '資料請求', weight: 20, baseScore: 55, campaigns: ['ホワイトペーパー: 架電効率化ガイド', '製品資料ダウンロード', '導入事例集ダウンロード'] },
  { source: '問い合わせ', weight: 12, baseScore: 70, campaigns: ['Webフォーム問い合わせ', '料金ページ問い合わせ'] },
  { source: '名刺交換', weight: 14, baseScore: 30, campaigns: ['名刺管理取込', '交流会'] },
  { source: '紹介', weight: 6, baseScore: 65, campaigns: ['パートナー紹介', '既存顧客紹介'] },
];

// Invented rep names: the team working the list.
export const OWNERS: readonly string[] = ['佐藤 美咲', '田中 健太', '鈴木 陽子', '高橋 翔太', '伊藤 彩'];

export const TAGS: readonly string[] = [
  '要フォロー',
  '決裁者',
  '予算あり',
  '競合検討中',
  'セミナー参加',
  '資料DL済',
  '再架電希望',
  '大口候補',
  '多拠点',
  '既存ツールあり',
];

// Call notes by outcome, as a rep would type them.
export const CALL_NOTES: Readonly<Record<string, readonly string[]>> = {
  connected: [
    'BANTヒアリング実施。今期予算確保済み、3か月以内に導入希望。',
    '現状はExcelで管理。架電の記録が残らないのが課題とのこと。',
    '決裁者は部長。稟議は来月の会議にかける予定。',
    '他社ツールと比較検討中。デモを希望。',
    '予算は来期。半年後に再度連絡を希望。',
  ],
  receptionist_block: ['受付で担当者不在と言われる。', '受付ブロック。営業電話はお断りとのこと。'],
  callback_requested: ['会議中のため折り返し希望。', '明日午後に再架電の依頼。'],
  voicemail: ['留守電にメッセージを残した。'],
  wrong_number: ['番号違い。別会社につながった。'],
};

// Invented field-sales names: they accept handed-off leads (SAL) and turn them into deals (SQL).
export const FIELD_SALES: readonly string[] = ['中村 達也', '小林 恵'];

// Why a lead moved: a comment in the team's words for the funnel steps, a coded reason from the
// default lists (shared/domain/reasons.ts) for the side exits.
export const STAGE_REASONS = {
  mql: 'MAスコアが基準（60点）を超過',
  tql: 'BANT確認済み（架電）',
  sal: 'フィールドセールスが受入',
  sql: '初回商談実施・要件確認済み',
  nurture: ['budget_next_fy', 'timing_later', 'gathering_information'],
  disqualified: ['no_need', 'competitor_chosen', 'out_of_target'],
  wrongNumber: 'unreachable',
  doNotCall: 'do_not_call',
} as const;

// What customers say in a hearing, for the demo's answers.
export const PAIN_POINTS: readonly string[] = [
  '架電の記録がExcelに散らばり、引き継ぎで情報が抜ける',
  '問い合わせから初回連絡まで3日以上かかっている',
  '営業とマーケで「見込み度」の基準がばらばら',
  '毎日1時間以上を報告書づくりに使っている',
  '商談化率が見えず、施策の良し悪しが判断できない',
];
export const APPROVAL_FLOWS: readonly string[] = ['課長→部長決裁', '部長起案、役員会で承認', '情報システム部の審査後に本部長決裁'];
export const COMPETITOR_NAMES: readonly string[] = ['A社のSFA', '国内大手のCRM', '既存の社内システム改修'];
