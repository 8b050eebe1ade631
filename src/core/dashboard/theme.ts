/**
 * The `--vscode-*` variables a dashboard uses, for pages shown outside VS Code (HTML snapshots,
 * browser tests). Inside VS Code the workbench sets them from the user's theme.
 */
export type DashboardTheme = 'light' | 'dark' | 'high-contrast';

const palettes: Record<DashboardTheme, Record<string, string>> = {
  light: {
    'foreground': '#3b3b3b', 'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b',
    'sideBar-background': '#f8f8f8', 'panel-border': '#e5e5e5', 'focusBorder': '#005fb8',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8',
    'button-secondaryBackground': '#e5e5e5', 'button-secondaryHoverBackground': '#cccccc', 'button-secondaryForeground': '#3b3b3b',
    'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece',
    'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece',
    'descriptionForeground': '#616161', 'errorForeground': '#f85149', 'textLink-foreground': '#005fb8',
    'charts-blue': '#1a85ff', 'charts-green': '#388a34', 'charts-red': '#e51400', 'charts-yellow': '#bf8803',
    'charts-orange': '#d18616', 'charts-purple': '#652d90', 'charts-foreground': '#616161', 'charts-lines': '#61616180',
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace',
    'list-hoverBackground': '#f2f2f2',
    'settings-dropdownBackground': '#ffffff', 'settings-dropdownForeground': '#3b3b3b', 'settings-dropdownBorder': '#cecece',
    'settings-dropdownListBorder': '#cecece', 'settings-textInputBackground': '#ffffff', 'settings-textInputForeground': '#3b3b3b',
    'settings-textInputBorder': '#cecece', 'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#3b3b3b', 'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b',
  },
  dark: {
    'foreground': '#cccccc', 'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc',
    'sideBar-background': '#181818', 'panel-border': '#2b2b2b', 'focusBorder': '#0078d4',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1',
    'button-secondaryBackground': '#313131', 'button-secondaryHoverBackground': '#3c3c3c', 'button-secondaryForeground': '#cccccc',
    'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c',
    'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c',
    'descriptionForeground': '#9d9d9d', 'errorForeground': '#f85149', 'textLink-foreground': '#4daafc',
    'charts-blue': '#3794ff', 'charts-green': '#89d185', 'charts-red': '#f14c4c', 'charts-yellow': '#cca700',
    'charts-orange': '#d18616', 'charts-purple': '#b180d7', 'charts-foreground': '#cccccc', 'charts-lines': '#cccccc80',
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace',
    'list-hoverBackground': '#2a2d2e',
    'settings-dropdownBackground': '#313131', 'settings-dropdownForeground': '#cccccc', 'settings-dropdownBorder': '#3c3c3c',
    'settings-dropdownListBorder': '#3c3c3c', 'settings-textInputBackground': '#313131', 'settings-textInputForeground': '#cccccc',
    'settings-textInputBorder': '#3c3c3c', 'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#cccccc', 'badge-background': '#616161', 'badge-foreground': '#f8f8f8',
  },
  'high-contrast': {
    'foreground': '#ffffff', 'editor-background': '#000000', 'editor-foreground': '#ffffff',
    'sideBar-background': '#000000', 'panel-border': '#6fc3df', 'focusBorder': '#f38518',
    'button-background': '#000000', 'button-foreground': '#ffffff', 'button-hoverBackground': '#000000',
    'button-secondaryBackground': '#000000', 'button-secondaryHoverBackground': '#000000', 'button-secondaryForeground': '#ffffff',
    'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df',
    'dropdown-background': '#000000', 'dropdown-foreground': '#ffffff', 'dropdown-border': '#6fc3df',
    'descriptionForeground': '#ffffff', 'errorForeground': '#f48771', 'textLink-foreground': '#21a6ff',
    'charts-blue': '#3794ff', 'charts-green': '#89d185', 'charts-red': '#f14c4c', 'charts-yellow': '#ffd700',
    'charts-orange': '#ff8c00', 'charts-purple': '#b180d7', 'charts-foreground': '#ffffff', 'charts-lines': '#ffffff',
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace',
    'list-hoverBackground': '#000000',
    'settings-dropdownBackground': '#000000', 'settings-dropdownForeground': '#ffffff', 'settings-dropdownBorder': '#6fc3df',
    'settings-dropdownListBorder': '#6fc3df', 'settings-textInputBackground': '#000000', 'settings-textInputForeground': '#ffffff',
    'settings-textInputBorder': '#6fc3df', 'list-activeSelectionBackground': '#000000', 'list-activeSelectionForeground': '#ffffff', 'badge-background': '#000000', 'badge-foreground': '#ffffff',
  },
};

export function themeVariables(theme: DashboardTheme): string {
  return Object.entries(palettes[theme]).map(([k, v]) => `--vscode-${k}:${v}`).join(';');
}
