import { l10n } from 'vscode';
import { filterText, JobsFolderNode } from '../tree/jobNodes';
import type { JobStatusFilter } from '../tree/jobsView';
import type { ExtensionServices } from './services';

const filters: JobStatusFilter[] = ['all', 'InProgress', 'Completed', 'Failed', 'Cancelled', 'CompletedWithWarnings'];

/** Narrows a vault's "Backup jobs" folder to one status; the folder's description shows it. */
export async function filterJobs(services: ExtensionServices, node?: unknown): Promise<void> {
  const folder = node instanceof JobsFolderNode ? node : undefined;
  if (!folder) {
    await services.prompts.info(l10n.t('Use the filter button of a vault\'s "Backup jobs" folder in the Backups view.'));
    return;
  }
  const current = services.jobsView.filterOf(folder.vault.id);
  const picked = await services.prompts.pickOne(
    filters.map((filter) => ({ label: filterText(filter), description: filter === current ? l10n.t('current') : undefined, value: filter })),
    { title: l10n.t('Filter Jobs of {0}', folder.vault.name), placeholder: l10n.t('Show the jobs with this status') },
  );
  if (!picked || picked === current) return;
  services.jobsView.setFilter(folder.vault.id, picked);
  services.tree.redraw(folder);
}
