// The contract between the language server and its clients: custom requests
// and the shape of `diagnostic.data`. The VS Code client imports this file;
// other LSP clients can send the same requests.
import { ProtocolRequestType, RequestType, type WorkDoneProgressParams, type WorkspaceEdit } from 'vscode-languageserver-protocol';

/**
 * Node.js flags the server is started with. `--expose-gc` lets the idle
 * server give the memory of a burst of edits back (lsp/idleCollector.ts);
 * without it the server works the same and keeps its heap at the burst's
 * size until V8 shrinks it. `--max-semi-space-size=2` keeps V8's young
 * generation small (it grows to 3 × 16 MB by default): the workspace audit
 * of the bench's tree, read on the server's own thread on two cores, peaked
 * at 137 MB instead of 154 MB, and took no longer. Other editors may pass
 * them too.
 */
export const serverNodeFlags = ['--expose-gc', '--max-semi-space-size=2'];

/** A fix as the server offers it in a code action: a ready WorkspaceEdit (text edits, file creations). */
export interface FixData {
  title: string;
  /** Safe to apply without looking (fix-all applies only these). */
  preferred: boolean;
  edit: WorkspaceEdit;
}

/**
 * `diagnostic.data` of every License Claims diagnostic. The fixes do not
 * travel in it: a code action request gets them from the server's judgment
 * of the document, matched by rule and range.
 */
export interface DiagnosticData {
  rule: string;
  /** The document version the diagnostic was computed for. */
  version: number | null;
}

export interface AuditWorkspaceParams extends WorkDoneProgressParams {
  /** Only these workspace folders (URIs); all of them when absent. */
  folders?: string[];
}

export interface AuditFinding {
  uri: string;
  /** 0-based. */
  line: number;
  character: number;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The project folder's URI. */
  project: string;
}

export interface AuditSummary {
  cancelled: boolean;
  files: number;
  projects: number;
  findings: AuditFinding[];
  /** Findings per rule id. */
  byRule: Record<string, number>;
  /** Findings per project folder URI. */
  byProject: Record<string, number>;
  /** Files skipped by the walk, and files that did not parse. */
  skipped: { uri: string; reason: string }[];
  /** Each rule's one-line summary, by rule id (for a report). */
  ruleSummaries?: Record<string, string>;
}

/** Audit every file of the workspace: diagnostics are published for all of them, open or not. */
export const auditWorkspaceRequest = new ProtocolRequestType<AuditWorkspaceParams, AuditSummary, never, void, void>('licenseClaims/auditWorkspace');

/** The last audit's findings as SARIF 2.1.0 (runs an audit first when there was none). */
export const exportSarifRequest = new ProtocolRequestType<WorkDoneProgressParams, { sarif: string }, never, void, void>('licenseClaims/exportSarif');

export interface ProjectStatus {
  /** The project folder's URI, or null when the document is outside every workspace folder. */
  project: string | null;
  /** What the project declares, in words ("MIT", "Apache-2.0 (code), Llama 3 Community License (model)", "no license"). */
  licenses: string;
  verdict: 'open' | 'partly-open' | 'not-open' | 'unknown' | 'none';
  /** Findings in this document. */
  findings: number;
}

/** The license verdict of the project a document belongs to (for a status bar). */
export const projectStatusRequest = new RequestType<{ uri: string }, ProjectStatus, void>('licenseClaims/projectStatus');

/**
 * The VS Code command that shows what License Claims knows about a license
 * (hover links call it with the license id). The client registers it.
 */
export const explainLicenseCommand = 'licenseClaims.explainLicense';

export interface ExplainLicenseParams {
  /** A license id (SPDX, Hugging Face, LicenseRef) or name. */
  query?: string;
  /** Or a LICENSE-like document: the license its text is identified as. */
  uri?: string;
}

/** What the bundled knowledge says about a license, as Markdown; null when it knows nothing of it. */
export const explainLicenseRequest = new RequestType<ExplainLicenseParams, { id: string; name: string; markdown: string } | null, void>('licenseClaims/explainLicense');
