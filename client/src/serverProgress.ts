// A progress notification owned by the client and fed by the server's
// work-done progress: the request carries a fresh token, the server reports
// into it, cancelling the notification cancels the request.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { LSPErrorCodes, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';

export function withServerProgress<R>(
  client: LanguageClient,
  title: string,
  request: (workDoneToken: string, cancellation: vscode.CancellationToken) => Promise<R>,
): Thenable<R> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, cancellable: true, title }, async (progress, cancellation) => {
    const workDoneToken = randomUUID();
    let reported = 0;
    // The notification takes increments; the server reports absolute percentages.
    const subscription = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const increment = value.percentage === undefined ? undefined : Math.max(0, value.percentage - reported);
      if (value.percentage !== undefined) reported = Math.max(reported, value.percentage);
      progress.report({ message: value.message, increment });
    });
    try {
      return await request(workDoneToken, cancellation);
    } finally {
      subscription.dispose();
    }
  });
}

/** True for the error a request rejects with after its notification was cancelled. */
export function isCancellation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === LSPErrorCodes.RequestCancelled;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
