// Entry of the Restore webview bundle (dist/webviews/restore.js).
import '../shared/elements';
import '../shared/webview.css';
import './restore.css';
import { isRestoreState } from '../../shared/restoreDraft';
import { isHostToRestore } from '../../shared/restoreProtocol';
import { connectToHost } from '../shared/hostConnection';
import { RestoreApp, type RestoreConnection } from './restoreApp';

const root = document.getElementById('app');
if (root) {
  const host: RestoreConnection = connectToHost(isHostToRestore, isRestoreState);
  new RestoreApp(root, host).start();
}
