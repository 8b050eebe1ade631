import { h } from './dom';

/**
 * Registers the @vscode-elements controls the dashboards use (only these, to keep the bundle
 * small). The package is ESM-only; esbuild inlines these imports into the bundle.
 */
export async function defineControls(): Promise<void> {
  await Promise.all([
    import('@vscode-elements/elements/dist/vscode-button/index.js'),
    import('@vscode-elements/elements/dist/vscode-single-select/index.js'),
    import('@vscode-elements/elements/dist/vscode-option/index.js'),
    import('@vscode-elements/elements/dist/vscode-textfield/index.js'),
  ]);
}

let fieldIds = 0;

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A labelled vscode-single-select; `onChange` receives the chosen value ('' = all). */
export function selectField(label: string, testId: string, options: readonly SelectOption[], value: string, onChange: (v: string) => void, disabled = false): HTMLElement {
  const id = `f${++fieldIds}`;
  const select = h('vscode-single-select', { id, 'data-testid': testId, 'aria-label': label, disabled },
    ...options.map((o) => h('vscode-option', { value: o.value, selected: o.value === value }, o.label)));
  select.addEventListener('change', () => onChange((select as HTMLElement & { value: string }).value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

/** A labelled date field (vscode-textfield type=date). */
export function dateField(label: string, testId: string, value: string, onChange: (v: string) => void, disabled = false): HTMLElement {
  const id = `f${++fieldIds}`;
  const input = h('vscode-textfield', { id, type: 'date', value, 'data-testid': testId, 'aria-label': label, disabled });
  input.addEventListener('change', () => onChange((input as HTMLElement & { value: string }).value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

export function button(label: string, testId: string, onClick: () => void, options: { secondary?: boolean; disabled?: boolean; title?: string } = {}): HTMLElement {
  return h('vscode-button', {
    'data-testid': testId, secondary: options.secondary === true, disabled: options.disabled === true,
    title: options.title ?? null, 'aria-label': options.title ?? null, onclick: () => onClick(),
  }, label);
}
