/** Brazilian Portuguese strings of the lineage page (keys: the English text). */
export const lineagePtBr: Readonly<Record<string, string>> = {
  'Source columns (OLTP)': 'Colunas de origem (OLTP)',
  'ETL rules': 'Regras de ETL',
  'Warehouse columns': 'Colunas do data warehouse',
  'View columns (bi)': 'Colunas de views (bi)',
  'Dashboard panels and checks': 'Painéis e verificações',
  Unresolved: 'Não resolvido',
  'Open {0}': 'Abrir {0}',
  'Filter by name': 'Filtrar por nome',
  'Arrow keys move between items and layers; Enter opens the file at its line.': 'As setas movem entre itens e camadas; Enter abre o arquivo na linha.',
  'Nothing feeds it.': 'Nada alimenta esta coluna.',
  'Nothing reads it.': 'Nada lê esta coluna.',
};
