import fs from 'node:fs';

// A large UTF-8 lead list, every row a different lead, for memory and streaming checks (the bench's
// import of a 200 MB file and its integration test). Written in small blocks: big strings would be
// garbage that a full collection frees later, stalling the thread that wrote them.
export const writeLargeLeadList = (file: string, targetBytes: number): number => {
  const fd = fs.openSync(file, 'w');
  const memo = '展示会で名刺交換。資料送付済み、来期の予算取りに合わせて再度連絡する。'.repeat(2);
  let bytes = fs.writeSync(fd, '会社名,氏名,電話番号,メール,住所,備考\r\n');
  let rows = 0;
  while (bytes < targetBytes) {
    const block: string[] = [];
    for (let k = 0; k < 200; k += 1, rows += 1) {
      const n = rows;
      const phone = `03-${1000 + Math.floor(n / 10_000)}-${String(n % 10_000).padStart(4, '0')}`;
      block.push(`株式会社テスト${n},山田 ${n},${phone},lead${n}@example.co.jp,"東京都千代田区丸の内${n % 9}-${n % 99}, ${n}F",${memo}\r\n`);
    }
    bytes += fs.writeSync(fd, block.join(''));
  }
  fs.closeSync(fd);
  return rows;
};
