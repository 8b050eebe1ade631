/** The results view's strings; the English text is the key, as in vscode.l10n. */
const ptBr: Readonly<Record<string, string>> = {
  'Result set': 'Conjunto de resultados',
  'No results yet: run a script that returns rows.': 'Nenhum resultado ainda: execute um script que retorne linhas.',
  'Copy Rows': 'Copiar Linhas',
  'Copy Cell': 'Copiar Célula',
  'Export CSV': 'Exportar CSV',
  'batch {0} at {1}': 'lote {0} em {1}',
  '{0} rows': '{0} linhas',
  '{0} of {1} rows kept (setting dwWorkbench.results.maxRows)': '{0} de {1} linhas mantidas (configuração dwWorkbench.results.maxRows)',
  '{0} selected': '{0} selecionada(s)',
  'Results': 'Resultados',
};

let dictionary: Readonly<Record<string, string>> = {};

export function setLanguage(language: string): void {
  dictionary = language.toLowerCase().startsWith('pt') ? ptBr : {};
}

export function t(key: string, ...args: readonly (string | number)[]): string {
  return (dictionary[key] ?? key).replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? ''));
}
