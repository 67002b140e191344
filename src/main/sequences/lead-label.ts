/** SQL for a lead's display label (name, else email) given the leads alias. */
export const leadLabelSql = (alias: string): string =>
  `coalesce(nullif(trim(coalesce(${alias}.first_name, '') || ' ' || coalesce(${alias}.last_name, '')), ''), ${alias}.email)`;
