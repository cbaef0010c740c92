// URIs from the client are not trusted to be well-formed: `file:///a/%E0%A4%A.md`
// makes fileURLToPath throw. Every URI the server turns into a path goes
// through here, and one that is not a decodable file URI is no path.
import { fileURLToPath } from 'node:url';

/** The file system path of a `file:` URI; undefined for other schemes and malformed URIs. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
