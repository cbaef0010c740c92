// The environment variable that names a folder of the user's own where the
// language server keeps V8's code for its bundle (server/src/serverStart.ts;
// the VS Code client sets it). Its own file: the server's small starter and
// the client import it, and nothing else of the server.
export const codeCacheVariable = 'LICENSE_CLAIMS_CODE_CACHE';
