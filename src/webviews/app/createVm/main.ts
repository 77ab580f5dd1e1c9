// Entry of the Create VM webview bundle (dist/webviews/createVm.js).
import '../shared/elements';
import '../shared/webview.css';
import '../policyEditor/policyEditor.css';
import './createVm.css';
import { isCreateVmState } from '../../shared/createVmDraft';
import { isHostToCreateVm } from '../../shared/createVmProtocol';
import { connectToHost } from '../shared/hostConnection';
import { CreateVmApp, type CreateVmConnection } from './createVmApp';

const root = document.getElementById('app');
if (root) {
  const host: CreateVmConnection = connectToHost(isHostToCreateVm, isCreateVmState);
  new CreateVmApp(root, host).start();
}
