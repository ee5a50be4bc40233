import type { ImportTarget } from './import-fields';
import { wordKey } from './import-values';

// Header words a target is recognised by: Japanese lists, HubSpot contact exports and Salesforce
// lead reports and contact exports, in their English and Japanese labels. Written as people write them; compared through headerKey, so 'E-mail', 'ｅメール'
// and 'メールアドレス（必須）' all reach their entry.
const HEADER_WORDS: Partial<Record<ImportTarget, string[]>> = {
  companyName: ['会社名', '企業名', '法人名', '社名', '会社', '取引先名', '組織名', '団体名', '勤務先', 'Company', 'Company Name', 'Account Name', 'Company / Account', 'Organization'],
  companyKana: ['会社名（カナ）', '会社名フリガナ', '会社名ふりがな', '企業名カナ', '企業名フリガナ', '法人名カナ', '社名カナ', 'Company Kana'],
  fullName: ['氏名', 'お名前', '担当者名', 'ご担当者名', '担当者氏名', '名前', 'Name', 'Full Name', 'Contact Name'],
  familyName: ['姓', '名字', '苗字', 'Last Name', 'LastName', 'Family Name', 'Surname'],
  givenName: ['名', '下の名前', 'First Name', 'FirstName', 'Given Name'],
  fullNameKana: ['フリガナ', 'ふりがな', 'よみがな', '氏名（カナ）', '氏名フリガナ', 'お名前（フリガナ）', 'お名前カナ', 'Name Kana'],
  familyNameKana: ['セイ', '姓（カナ）', '姓フリガナ', 'フリガナ（姓）', 'Last Name Kana'],
  givenNameKana: ['メイ', '名（カナ）', '名フリガナ', 'フリガナ（名）', 'First Name Kana'],
  department: ['部署', '部署名', '所属', '所属部署', '部門', '担当者部署', 'Department'],
  title: ['役職', '役職名', '肩書', '肩書き', '担当者役職', 'Title', 'Job Title', 'Position'],
  phone: ['電話番号', '電話', 'TEL', '代表電話', '代表電話番号', '会社電話番号', '担当者電話番号', '直通電話', 'Phone', 'Phone Number', 'Business Phone', 'Telephone'],
  mobile: ['携帯', '携帯電話', '携帯番号', '携帯電話番号', '担当者携帯', '担当者携帯電話', 'Mobile', 'Mobile Phone', 'Mobile Phone Number', 'Cell Phone'],
  email: ['メール', 'メールアドレス', 'Eメール', 'Eメールアドレス', '電子メール', '担当者メール', '担当者メールアドレス', 'E-mail', 'Email', 'Email Address', 'Mail', 'Mail Address'],
  postalCode: ['郵便番号', '〒', 'Zip', 'Zip Code', 'Postal Code', 'Zip/Postal Code', 'Postcode', 'Mailing Zip/Postal Code'],
  prefecture: ['都道府県', 'State/Province', 'State/Region', 'State', 'Prefecture', 'Mailing State/Province'],
  address: ['住所', '所在地', 'Address', 'Street', 'Street Address', 'Mailing Street', '町名・番地'],
  industry: ['業種', '業界', 'Industry'],
  employeeCount: ['従業員数', '社員数', 'Employees', 'No. of Employees', 'Number of Employees'],
  source: ['流入元', 'リードソース', '獲得経路', '流入経路', 'Lead Source', 'Source', 'Original Source', '元のソース'],
  campaign: ['キャンペーン', 'キャンペーン名', '施策', 'Campaign', 'Campaign Name'],
  score: ['スコア', 'リードスコア', 'Score', 'HubSpot Score', 'Lead Score'],
  stage: ['ステージ', 'ライフサイクルステージ', 'リードステータス', 'ステータス', 'Lifecycle Stage', 'Lead Status', 'Status', 'Stage', 'リード状況'],
  temperature: ['温度感', '温度', '評価', 'Temperature', 'Rating'],
  owner: ['担当', '担当者', '所有者', 'リード所有者', '担当営業', 'Owner', 'Lead Owner', 'Contact owner', 'コンタクト担当者'],
  tags: ['タグ', 'Tags', 'Tag'],
};

// Marks that say nothing about the column: (必須) / ※任意 / * .
const NOISE = /必須|任意/gu;

// NFKC, lower case, katakana folded, no spaces, punctuation or brackets. Symbols such as 〒 stay.
export const headerKey = (header: string): string => wordKey(header).replace(NOISE, '');

export const HEADER_TARGETS: ReadonlyMap<string, ImportTarget> = (() => {
  const map = new Map<string, ImportTarget>();
  for (const [target, words] of Object.entries(HEADER_WORDS) as [ImportTarget, string[]][]) {
    for (const word of words) {
      const key = headerKey(word);
      // Two targets claiming one key would make suggestions depend on object order.
      if (map.has(key) && map.get(key) !== target) throw new Error(`Header "${word}" is listed for two targets`);
      map.set(key, target);
    }
  }
  return map;
})();

export const targetForHeader = (header: string): ImportTarget | null => HEADER_TARGETS.get(headerKey(header)) ?? null;
