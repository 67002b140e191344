/** An IMAP sequence set for ascending UIDs, runs compressed: [1,2,3,7,9,10] -> "1:3,7,9:10". */
export function uidSet(uids: readonly number[]): string {
  const runs: string[] = [];
  let start = uids[0];
  let end = start;
  for (const uid of [...uids.slice(1), Number.NaN]) {
    if (start === undefined || end === undefined) break;
    if (uid === end + 1) {
      end = uid;
      continue;
    }
    runs.push(start === end ? String(start) : `${start}:${end}`);
    start = uid;
    end = uid;
  }
  return runs.join(',');
}
