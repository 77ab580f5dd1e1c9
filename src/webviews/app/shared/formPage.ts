// The page of a create form: its heading, a "Loading your subscriptions…" line until the host's
// first data comes, then either the form or its review.
import { h, show } from './dom';

export class FormPage {
  private readonly loading: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    heading: string,
    private readonly form: HTMLElement,
    private readonly review: HTMLElement,
  ) {
    this.loading = h('p', { id: 'loading', role: 'status' }, h('vscode-progress-ring', { 'aria-label': 'Loading' }), ' Loading your subscriptions…');
    root.append(h('h1', {}, heading), this.loading, form, review);
    show(form, false);
  }

  /** The host's first data came: the loading line goes and the page is no longer busy. */
  loaded(): void {
    this.loading.remove();
    this.root.removeAttribute('aria-busy');
  }

  /** Shows the form, or else the review. */
  showForm(onForm: boolean): void {
    show(this.form, onForm);
    show(this.review, !onForm);
  }
}
