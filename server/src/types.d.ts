declare module 'spdx-license-list/spdx.json' {
  const licenses: Record<string, { name: string; url: string; osiApproved: boolean }>;
  export default licenses;
}
declare module 'spdx-license-list/spdx-full.json' {
  const licenses: Record<string, { name: string; url: string; osiApproved: boolean; licenseText: string }>;
  export default licenses;
}
declare module 'spdx-license-ids/deprecated.json' {
  const ids: string[];
  export default ids;
}
declare module 'spdx-license-ids/index.json' {
  const ids: string[];
  export default ids;
}
declare module '@nodesecure/licenses-conformance/src/spdx.js' {
  export const spdx: Record<string, { name: string; id: string; deprecated: boolean; osi: boolean; fsf: boolean }>;
}
