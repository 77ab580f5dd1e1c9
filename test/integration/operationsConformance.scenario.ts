// The traffic of the write side's scenarios, checked against Microsoft's published OpenAPI
// specifications: every request AzureBackupOperations sent, and every answer it relied on.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';

recordedTrafficConforms('the write side', 'the operations scenarios');
