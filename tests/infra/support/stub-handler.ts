/** Stands in for every handler in the assertion tests, which skip bundling and never run code. */
export const handler = async (): Promise<void> => {};
