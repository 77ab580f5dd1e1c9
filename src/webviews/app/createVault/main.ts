// Entry of the create-vault webview bundle (dist/webviews/createVault.js).
import '../shared/elements';
import '../shared/webview.css';
import { isCreateVaultState } from '../../shared/createVaultDraft';
import { isHostToCreateVault } from '../../shared/createVaultProtocol';
import { connectToHost } from '../shared/hostConnection';
import { CreateVaultApp, type CreateVaultConnection } from './createVaultApp';

const root = document.getElementById('app');
if (root) {
  const host: CreateVaultConnection = connectToHost(isHostToCreateVault, isCreateVaultState);
  new CreateVaultApp(root, host).start();
}
