import pkg from '../../package.json';

/** Outpost's version, from package.json. */
export const APP_VERSION: string = pkg.version;
