/** A stored value as people read it: Yes/No for booleans, the text or number as it is otherwise. */
export const valueText = (value: string | number | boolean): string => (typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value));
