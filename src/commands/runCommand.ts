import { l10n } from 'vscode';
import { isServiceFailure, toAzureError } from '../azure/azureError';
import { errorText } from '../ui/azureErrorText';
import type { ExtensionServices } from './services';

/**
 * Runs a command handler: cancellation stays silent, Azure errors become a message with our
 * explanation and the service's words, details go to the log (offered from the message).
 */
export async function runCommand(services: ExtensionServices, id: string, handler: () => Promise<unknown>): Promise<void> {
  try {
    await handler();
  } catch (caught) {
    const error = isServiceFailure(caught) ? toAzureError(caught) : undefined;
    if (error?.reason === 'cancelled') return;
    const message = error ? errorText(error) : (caught as Error).message ?? String(caught);
    services.log.error(`${id} failed: ${error ? `${error.code} (${error.statusCode ?? '-'}) ${error.message}` : (caught as Error).stack ?? String(caught)}`);
    const showLog = l10n.t('Show Log');
    if ((await services.prompts.error(message, showLog)) === showLog) services.log.show();
  }
}
