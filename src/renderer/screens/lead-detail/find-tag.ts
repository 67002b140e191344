/** The tag named `name`, ignoring case and surrounding spaces as the core does, if there is one. */
export const findTag = <T extends { readonly name: string }>(tags: readonly T[], name: string): T | undefined => {
  const wanted = name.trim().toLowerCase();
  return tags.find((tag) => tag.name.toLowerCase() === wanted);
};
