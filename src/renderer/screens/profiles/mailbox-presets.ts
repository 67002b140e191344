/** A ready-made way to add a mailbox: which profile type it is, and what the operator must know to connect it. */
export interface MailboxPreset {
  readonly typeCode: string;
  readonly label: string;
  readonly hint: string;
  /** Labels for the type's credential fields. */
  readonly credentialLabels: Readonly<Record<string, string>>;
}

/** The mailbox presets offered first in the add form; their servers come from the profile type's defaults. */
export const mailboxPresets: readonly MailboxPreset[] = [
  {
    typeCode: 'gmail',
    label: 'Gmail / Google Workspace (app password)',
    hint: 'Sign in with an app password (Google Account → Security → 2-Step Verification → App passwords); the normal password does not work over SMTP/IMAP.',
    credentialLabels: { user: 'Gmail address', password: 'App password' },
  },
  {
    typeCode: 'microsoft365',
    label: 'Microsoft 365',
    hint: 'SMTP AUTH must be allowed for this mailbox in the Microsoft 365 admin center.',
    credentialLabels: { user: 'Email address', password: 'Password' },
  },
  {
    typeCode: 'smtp_imap',
    label: 'Other mailbox (generic SMTP/IMAP)',
    hint: "Enter the SMTP (sending) and IMAP (reading) servers your mail provider gives.",
    credentialLabels: { user: 'User name (usually the email address)', password: 'Password' },
  },
];

/** Labels for credential fields of types without a preset. */
export const credentialLabels: Readonly<Record<string, string>> = { user: 'User name', password: 'Password', apiKey: 'API key' };

/** Credential fields typed as passwords (masked, never prefilled). */
export const isSecretField = (name: string): boolean => !/^(user|username|login|email)$/i.test(name);
