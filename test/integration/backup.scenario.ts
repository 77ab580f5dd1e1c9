// The backup service's scenarios, through @azure/arm-recoveryservicesbackup 12.0.0 against the
// emulator, in this order: policies and discovery; enable protection, back up now and the
// protected item's life (stop, resume, change policy, delete, undelete); jobs and cancellation.
// Each suite runs its own emulator and hands its traffic to the conformance check when it closes.
import './policies.scenario';
import './protection.scenario';
import './jobs.scenario';
