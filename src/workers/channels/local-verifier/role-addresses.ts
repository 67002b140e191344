/** Local parts that name a function or a team rather than a person (role accounts, often shared or filtered). */
const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'abuse', 'accounts', 'accounting', 'admin', 'administrator', 'billing', 'careers', 'contact', 'customerservice', 'dev',
  'enquiries', 'help', 'hello', 'hostmaster', 'hr', 'info', 'inquiries', 'jobs', 'legal', 'mail', 'mailer-daemon',
  'marketing', 'media', 'news', 'newsletter', 'no-reply', 'noc', 'noreply', 'office', 'orders', 'postmaster', 'press',
  'privacy', 'root', 'sales', 'security', 'service', 'support', 'team', 'webmaster',
]);

/** True when the local part is a role address (info@, sales@, admin@ ...), ignoring case and a `+tag`. */
export function isRoleAddress(local: string): boolean {
  return ROLE_LOCAL_PARTS.has(local.toLowerCase().split('+')[0] ?? '');
}
