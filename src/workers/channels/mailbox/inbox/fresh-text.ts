// Where the quoted message starts in common clients (Gmail, Apple Mail, Outlook, Thunderbird), in a few languages.
const QUOTE_START =
  /^(On .{1,200} wrote:|Am .{1,200} schrieb .{1,200}:|Le .{1,200} a [ée]crit ?:|El .{1,200} escribi[óo]:|Il .{1,200} ha scritto:|Op .{1,200} schreef .{1,200}:|-{2,} ?(Original Message|Urspr[üu]ngliche Nachricht|Message d'origine|Mensaje original) ?-{2,}|_{10,}|From: .+|Von: .+|De ?: .+)$/im;

/** The text a person wrote in a reply: everything above the quoted message, without `>` lines. */
export function freshText(text: string): string {
  const start = text.search(QUOTE_START);
  const head = start < 0 ? text : text.slice(0, start);
  return head
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
    .trim();
}
