// Entry of the policy editor webview bundle (dist/webviews/policyEditor.js).
import '../shared/elements';
import '../shared/webview.css';
import './policyEditor.css';
import { isHostToPolicyEditor, isPolicyEditorState } from '../../shared/policyEditorProtocol';
import { connectToHost } from '../shared/hostConnection';
import { PolicyEditorApp, type PolicyEditorConnection } from './policyEditorApp';

const root = document.getElementById('app');
if (root) {
  const host: PolicyEditorConnection = connectToHost(isHostToPolicyEditor, isPolicyEditorState);
  new PolicyEditorApp(root, host).start();
}
