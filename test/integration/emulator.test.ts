// The emulator's integration suite: every scenario drives the emulator through the real Azure
// SDK clients over HTTPS; the last step checks all of that traffic against Microsoft's
// published OpenAPI specifications. Top-level suites in one file run in this order.
import './resources.scenario';
import './backup.scenario';
import './resilience.scenario';
import './backupReader.scenario';
import './backupReaderFailures.scenario';
import './conformance.scenario';
