/** The site of a LinkedIn or Facebook profile URL (a browser channel's address), or null for an email address. */
export function socialSiteOf(address: string | null): 'LinkedIn' | 'Facebook' | null {
  if (!address) return null;
  if (/^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\//i.test(address)) return 'LinkedIn';
  if (/^https?:\/\/([a-z0-9-]+\.)*facebook\.com\//i.test(address)) return 'Facebook';
  return null;
}

/** Marks a message of a LinkedIn or Facebook conversation (read by the profile's browser) with a link to the person's profile. */
export function SocialChannelNote({ address }: { readonly address: string | null }) {
  const site = socialSiteOf(address);
  if (!site || !address) return null;
  return (
    <p className="muted inbox-social">
      {site} conversation ·{' '}
      <a href={address} target="_blank" rel="noreferrer">
        profile
      </a>
    </p>
  );
}
