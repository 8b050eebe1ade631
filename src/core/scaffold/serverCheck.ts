import path from 'node:path';
import type { ServerInfo } from '../engine/types';
import { ProjectEngines } from '../project/engines';
import { PROJECT_FILE_NAME } from '../project/types';
import { projectTemplate, type ServerSettings } from './templates';

/**
 * Connects to the server a new project would use, as that project will (the same connection
 * settings), to the server's maintenance database: the project's database may not exist yet,
 * the bootstrap creates it. Rejects with the engine's error (kind unreachable, login-failed…).
 */
export async function checkProjectServer(engine: 'postgres' | 'sqlserver', target: string, server: ServerSettings, password: string | undefined): Promise<ServerInfo> {
  const project = { file: path.join(target, PROJECT_FILE_NAME), root: target, config: projectTemplate(engine, 'check', server) };
  const engines = new ProjectEngines(project, password === '' ? undefined : password, 'DW Workbench');
  try {
    return await (await engines.get('server')).serverInfo();
  } finally {
    await engines.close();
  }
}
