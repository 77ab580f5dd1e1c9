// Restore in the emulator through the real SDK clients (@azure/arm-recoveryservicesbackup 12.0.0,
// @azure/arm-storage, @azure/arm-resources, @azure/arm-compute): recovery points and their tiers,
// every restore type end to end, the template a disk restore writes deployed through its SAS link,
// the service's refusals and its validate-operation API, and a lost answer that never makes a
// second restore. All of it is then checked against the published specifications.
import './restorePoints.scenario';
import './restoreTypes.scenario';
import './restoreRefusals.scenario';
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';

recordedTrafficConforms('the restore suites', 'recovery points, restores, their validation, SAS and linked deployments');
