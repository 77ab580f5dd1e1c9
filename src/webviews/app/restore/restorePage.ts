// The Restore page: its heading, "Reading the recovery point…" until the host's first answer,
// then the form or its review, or why the point could not be read.
import { h, setMessage, show } from '../shared/dom';

export class RestorePage {
  private readonly loading: HTMLElement;
  private readonly failed: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly form: HTMLElement,
    private readonly review: HTMLElement,
  ) {
    this.loading = h('p', { id: 'loading', role: 'status' }, h('vscode-progress-ring', { 'aria-label': 'Loading' }), ' Reading the recovery point…');
    this.failed = h('div', { id: 'load-failed', class: 'message', 'data-kind': 'error', role: 'alert', hidden: true });
    root.append(h('h1', {}, 'Restore a virtual machine'), this.loading, this.failed, form, review);
    show(form, false);
  }

  /** The host's first answer came: the loading line goes and the page is no longer busy. */
  loaded(): void {
    this.loading.remove();
    this.root.removeAttribute('aria-busy');
  }

  /** The point could not be read: only the reason shows. */
  loadFailed(message: string): void {
    this.loaded();
    setMessage(this.failed, message);
    show(this.form, false);
    show(this.review, false);
  }

  /** Shows the form, or else the review. */
  showForm(onForm: boolean): void {
    setMessage(this.failed, undefined);
    show(this.form, onForm);
    show(this.review, !onForm);
  }
}
