/** A mistake on the command line or an unreadable input: exit code 2. */
export class UsageError extends Error {}
