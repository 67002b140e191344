/** Tags: the catalogue of names and colours, and tagging leads and companies. */
export const tagMethods = {} as const;
