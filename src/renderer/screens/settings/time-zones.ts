/** The IANA time zones this browser knows, for the time zone suggestions; the core still validates what is typed. */
export const timeZones: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
