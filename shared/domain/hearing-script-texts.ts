import type { HearingItem } from './bant';

type Texts = { questions: { ja: string; en: string }[]; help: { ja: string; en: string } };

// The talk tracks of the script that ships: open questions that get the customer talking, not a
// checklist read aloud. Kept as data (not catalog keys) so a hearing's script version pins its text.
export const DEFAULT_SCRIPT_TEXTS: Record<HearingItem, Texts> = {
  budget: {
    questions: [
      { ja: '今回のような取り組みについて、ご予算はどのようにお考えでしょうか？', en: 'How are you thinking about budget for something like this?' },
      { ja: 'ご予算はすでに確保されていますか、それともこれから申請される形でしょうか？', en: 'Is the budget already set aside, or would it still need to be requested?' },
      { ja: '差し支えなければ、想定されている金額の規模感を教えていただけますか？', en: 'If you do not mind, roughly what size of budget do you have in mind?' },
      { ja: '御社の決算期は何月でしょうか？', en: 'Which month does your fiscal year end?' },
    ],
    help: {
      ja: '今期確保済み・来期予定・なしを聞き分けます。金額は幅でも構いません。言いにくそうなら深追いせず「不明」のまま次へ進みます。',
      en: 'Tell apart secured this year, planned for next year and none. A range is fine. If they hesitate, do not push: leave it unknown and move on.',
    },
  },
  authority: {
    questions: [
      { ja: 'こうしたツールを導入される際は、どのような流れでご検討・ご決定されることが多いですか？', en: 'When you bring in a tool like this, how does the decision usually get made?' },
      { ja: '最終的なご判断はどなたがされる形になりますか？', en: 'Who makes the final call?' },
      { ja: '稟議はどのような順番で回りますか？', en: 'How does the approval (ringi) go round, and in what order?' },
      { ja: 'ご検討には、ほかにどなたが関わられそうですか？', en: 'Who else is likely to be involved in the evaluation?' },
    ],
    help: {
      ja: '相手が決裁者か、影響者か、利用者かを見極めます。「決裁権はありますか」と直接聞くより、検討の進め方を伺う方が自然です。',
      en: 'Find out whether the contact decides, influences or uses. Asking how decisions are made works better than asking "can you sign?".',
    },
  },
  need: {
    questions: [
      { ja: '現在の業務で一番時間がかかっている工程はどこですか？', en: 'Which step of your work takes the most time today?' },
      { ja: 'その業務は今、どのような方法やツールで進めていらっしゃいますか？', en: 'How do you handle that work today: which method or tool?' },
      { ja: 'その課題がこのまま続くと、どのような影響がありそうですか？', en: 'If that problem stays as it is, what does it cost you?' },
      { ja: '理想としては、その業務をどのように変えたいとお考えですか？', en: 'Ideally, how would you like that work to change?' },
    ],
    help: {
      ja: 'お客様の言葉のまま書き留めます。深刻度は、影響の大きさと解決したい気持ちの強さで判断します。',
      en: "Write it down in the customer's own words. Judge severity by how big the impact is and how much they want it solved.",
    },
  },
  timeline: {
    questions: [
      { ja: 'いつ頃までに解決できると理想的でしょうか？', en: 'By when would it ideally be solved?' },
      { ja: 'その時期に何かきっかけ（期初、システムの更新、繁忙期など）はありますか？', en: 'Is there something driving that date (new fiscal year, a system renewal, a busy season)?' },
      { ja: '導入までに、社内でどのようなステップが必要になりそうですか？', en: 'What steps would you need to go through internally before starting?' },
    ],
    help: {
      ja: '目標の日付が分かれば入力してください。期間だけより判定が正確になります。',
      en: 'If they name a target date, enter it: the check is more exact with a date than with a period.',
    },
  },
  competitors: {
    questions: [
      { ja: 'ほかにも比較・検討されているサービスはありますか？', en: 'Are you comparing other services as well?' },
      { ja: '比較される際に、特に重視されるポイントは何でしょうか？', en: 'What matters most to you when comparing them?' },
    ],
    help: { ja: '競合名はお客様の言い方のまま記録します。', en: 'Record competitor names the way the customer says them.' },
  },
  currentSolution: {
    questions: [
      { ja: '今お使いの仕組みで、満足されている点と不満な点を教えていただけますか？', en: 'What works well with what you use today, and what does not?' },
      { ja: '今のやり方を変えるとしたら、どこが一番のハードルになりそうですか？', en: 'If you changed how you do it today, what would be the biggest hurdle?' },
    ],
    help: { ja: '手作業・Excel・自社開発・他社製品のどれかを選び、具体的な名前はメモに残します。', en: 'Pick manual, spreadsheet, in-house or another product, and note the actual name.' },
  },
  nextStep: {
    questions: [
      { ja: '次のステップとして、担当の営業から詳しくご説明する場をいただけますか？', en: 'As a next step, could our account executive walk you through it in more detail?' },
      { ja: 'ご検討を進めるうえで、次に何があると判断しやすいでしょうか？', en: 'What would help you most to move the evaluation forward?' },
    ],
    help: { ja: '合意した内容は、引き継ぎ先の営業がそのまま読めるように具体的に書きます。', en: 'Write what was agreed concretely, so field sales can act on it as written.' },
  },
  meetingDate: {
    questions: [
      { ja: '来週か再来週で、30分ほどお時間をいただける日はございますか？', en: 'Do you have 30 minutes next week or the week after?' },
      { ja: '当日はどなたにご同席いただけそうでしょうか？', en: 'Who would be able to join the meeting?' },
    ],
    help: { ja: '候補日を伝えた段階は「提案済み」、日時が決まったら「確定」にします。', en: 'Mark it proposed once you offered dates, agreed once a time is fixed.' },
  },
};
