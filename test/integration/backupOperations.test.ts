// The write side of the data layer (AzureBackupOperations) against the emulator: the journeys
// and refusals, then the same under injected faults; at the end, all of this traffic is checked
// against the published REST specifications.
import './backupOperations.scenario';
import './backupOperationsFaults.scenario';
import './operationsConformance.scenario';
