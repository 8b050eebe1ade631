// vscode-free: the second confirmation of "DW: Destroy Stack".

/** The user typed the stack's name exactly (surrounding spaces aside); anything else keeps the data. */
export function destroyConfirmed(typed: string | undefined, stackName: string): boolean {
  return typed !== undefined && stackName !== '' && typed.trim() === stackName;
}
