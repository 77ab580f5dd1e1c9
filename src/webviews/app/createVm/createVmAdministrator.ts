// The administrator account (user name and an SSH public key, pasted or loaded from a file by the
// host, or a password typed twice; Windows VMs take a password only) and the inbound ports the
// network security group opens, with the warning that they face the internet.
import { adminPasswordLength, adminUsernameLength } from '../../../vmCreation/credentialRules';
import type { InboundPort } from '../../../vmCreation/vmCreateRequest';
import { vmRequestWarnings } from '../../../vmCreation/vmRules';
import { requestOf } from '../../shared/createVmDraft';
import { inboundPorts } from '../../shared/createVmRequestGuard';
import { h, setMessage, show } from '../shared/dom';
import { checkbox, field, radioGroup, setRadio, setText, textField } from '../shared/formFields';
import { dynamicHelp, showProblem, warningNote, type FormActions, type FormPart } from './createVmFormParts';

const portLabels: Record<InboundPort, string> = { SSH: 'SSH (22)', RDP: 'RDP (3389)', HTTP: 'HTTP (80)', HTTPS: 'HTTPS (443)' };

export function administratorPart(actions: FormActions): FormPart {
  const change = actions.change;
  const usernameControl = textField('admin-username', (value) => change({ field: 'adminUsername', value }), { autocomplete: 'off', spellcheck: false });
  const username = field('admin-username', 'Username', usernameControl);
  const usernameHelp = dynamicHelp('admin-username', username.block, username.message, usernameControl);

  const authKind = radioGroup('auth-kind', 'Authentication type', [
    { value: 'sshPublicKey', label: 'SSH public key', description: 'Sign in with your SSH key; Azure recommends it for Linux.' },
    { value: 'password', label: 'Password' },
  ] as const, (value) => change({ field: 'authKind', value }));
  const authKindField = field('auth-kind', 'Authentication type', authKind);
  const windowsNote = h('p', { id: 'auth-windows', class: 'help', hidden: true }, 'A Windows VM signs in with a password.');

  const keyControl = textField('ssh-public-key', (value) => change({ field: 'sshPublicKey', value }), { placeholder: 'ssh-ed25519 AAAA… or ssh-rsa AAAA…', autocomplete: 'off', spellcheck: false });
  const loadKey = h('vscode-button', { id: 'load-ssh-key', secondary: true, icon: 'folder-opened', onclick: () => actions.loadSshKey() }, 'Load from file…');
  const keyFile = h('p', { id: 'ssh-key-file', class: 'help', role: 'status', 'aria-live': 'polite', hidden: true });
  const key = field('ssh-public-key', 'SSH public key', keyControl,
    'One line in OpenSSH format (ssh-ed25519, or ssh-rsa of at least 2048 bits). Paste it, or load a .pub file (~/.ssh by default).',
    [h('div', { class: 'inline-actions' }, loadKey), keyFile]);
  loadKey.setAttribute('aria-describedby', 'ssh-key-file');

  const passwordControl = textField('password', (value) => change({ field: 'password', value }), { type: 'password', autocomplete: 'new-password' });
  const password = field('password', 'Password', passwordControl);
  const passwordHelp = dynamicHelp('password', password.block, password.message, passwordControl);
  const confirmControl = textField('confirm-password', (value) => change({ field: 'confirmPassword', value }), { type: 'password', autocomplete: 'new-password' });
  const confirm = field('confirm-password', 'Confirm password', confirmControl);
  const notKept = h('p', { id: 'password-not-kept', class: 'help' }, 'The password is not kept with the draft: after a window reload, type it again.');

  const ports = new Map<InboundPort, ReturnType<typeof checkbox>>();
  const portGroup = h('div', { id: 'inbound-ports', class: 'checkbox-row', role: 'group', 'aria-labelledby': 'inbound-ports-label', 'aria-describedby': 'inbound-ports-help inbound-ports-message' });
  for (const port of inboundPorts) {
    const control = checkbox(`port-${port}`, portLabels[port], () => change({ field: 'inboundPorts', value: inboundPorts.filter((candidate) => ports.get(candidate)?.checked) }));
    ports.set(port, control);
    portGroup.append(control);
  }
  const portsWarning = warningNote('inbound-ports-warning');
  const portsMessage = h('div', { id: 'inbound-ports-message', class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  const portsBlock = h('vscode-form-group', { variant: 'vertical', id: 'inbound-ports-group' },
    h('vscode-label', { id: 'inbound-ports-label' }, 'Public inbound ports'),
    portGroup,
    h('vscode-form-helper', { id: 'inbound-ports-help' }, h('p', {}, 'None checked: nothing is reachable from the internet. The network security group allows the checked ports from any address.')),
    portsWarning,
    portsMessage);

  const root = h('div', { id: 'administrator-part' },
    h('h3', {}, 'Administrator account'),
    username.block, authKindField.block, windowsNote, key.block, password.block, confirm.block, notKept,
    h('h3', {}, 'Inbound port rules'),
    portsBlock);

  return {
    root,
    render(view) {
      const { draft, secrets } = view;
      const windows = draft.osType === 'Windows';
      const { max } = adminUsernameLength[draft.osType];
      usernameHelp.textContent = windows
        ? `Up to ${max} characters; not admin, administrator, root, guest and similar names Azure refuses.`
        : `Up to ${max} lower-case letters, digits, periods, underscores and hyphens; not admin, root, user, guest and similar names Azure refuses.`;
      setText(usernameControl, draft.adminUsername);
      showProblem(view, 'adminUsername', username.message, usernameControl);

      show(authKindField.block, !windows);
      show(windowsNote, windows);
      setRadio(authKind, draft.authKind);
      const usesPassword = windows || draft.authKind === 'password';
      show(key.block, !usesPassword);
      show(password.block, usesPassword);
      show(confirm.block, usesPassword);
      show(notKept, usesPassword);
      setText(keyControl, draft.sshPublicKey);
      showProblem(view, 'sshPublicKey', key.message, keyControl);
      setMessage(keyFile, draft.sshKeyFile ? `Loaded from ${draft.sshKeyFile}.` : undefined, 'info');
      const range = adminPasswordLength[draft.osType];
      passwordHelp.textContent = `${range.min}–${range.max} characters for a ${draft.osType} VM, with 3 of: lower case, upper case, digit, special character.`;
      setText(passwordControl, secrets.password);
      setText(confirmControl, secrets.confirmPassword);
      showProblem(view, 'password', password.message, passwordControl);
      showProblem(view, 'confirmPassword', confirm.message, confirmControl);

      for (const [port, control] of ports) {
        const checked = draft.inboundPorts.includes(port);
        if (control.checked !== checked) control.checked = checked;
      }
      const open = vmRequestWarnings(requestOf(draft, secrets)).find((warning) => warning.startsWith('Inbound ports') || warning.startsWith('Without a public IP'));
      setMessage(portsWarning, open, 'warning');
      showProblem(view, 'inboundPorts', portsMessage);
    },
  };
}
