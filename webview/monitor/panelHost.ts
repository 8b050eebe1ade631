import type { ConnectionAuditFilters, MonitorMethods } from '../../src/protocol/monitor';
import type { Formats } from '../shared/format';
import type { RpcClient } from '../shared/rpc';

export type MonitorClient = RpcClient<{ [K in keyof MonitorMethods]: MonitorMethods[K] }>;

/**
 * What the monitor's panels (runs, audit) need from the page that holds them. The view
 * implements it; the panels import only this, so the view and its panels form no import cycle.
 */
export interface PanelHost {
  readonly f: Formats;
  /** Undefined on an exported page: nothing there talks to VS Code. */
  readonly client: MonitorClient | undefined;
  openRun(runId: number): Promise<void>;
  filterAudit(patch: Partial<ConnectionAuditFilters>): void;
  /** A button that reveals the entity in the ETL Entities view (text on an exported page). */
  entityLink(entity: string, where: string): HTMLElement | string;
  /** Runs the warehouse checks through the host, then reloads. */
  runChecks(): void;
  /** Opens the file where a recorded check is declared. */
  openCheck(check: string): void;
}
