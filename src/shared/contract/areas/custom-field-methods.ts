/** Custom fields on leads and companies. */
export const customFieldMethods = {} as const;
