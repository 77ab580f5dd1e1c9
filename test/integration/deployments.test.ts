// Template deployments in the emulator through the real @azure/arm-resources client; at the end,
// all of this traffic is checked against the published REST specifications.
import './deployments.scenario';
import './deploymentFailures.scenario';
import './deploymentLifecycle.scenario';
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';

recordedTrafficConforms('the deployment scenarios', 'the deployment scenarios');
