/** The version the CLI reports; esbuild replaces it from package.json at build time. */
declare const LICENSE_CLAIMS_VERSION: string | undefined;
export const toolVersion: string = typeof LICENSE_CLAIMS_VERSION === 'string' ? LICENSE_CLAIMS_VERSION : '0.0.0-dev';
