import * as vscode from 'vscode';
import { alertSettings, runAlertCycle, type AlertCycleResult } from '../../core/alerts';
import type { Project } from '../../core/project';
import type { DwContext } from '../context';

/** SecretStorage key of a webhook's URL (the CLI reads the environment variable the project names). */
export const webhookSecretKey = (project: Project, name: string): string => `dwWorkbench.alertWebhook.${project.config.name}.${name}`;

/**
 * The alerts in VS Code: a status-bar count of the open alerts, a notification when one opens or
 * resolves, and an evaluation every dwWorkbench.alerts.refreshMinutes (projects with an `alerts`
 * section only). The evaluation is the CLI's own cycle on the same ctl.alert_state, so VS Code
 * and `dwb watch` agree and a message goes out once whichever evaluates first.
 */
export class AlertStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dwWorkbench.alerts', vscode.StatusBarAlignment.Left, 40);
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;

  constructor(private readonly ctx: DwContext) {
    this.item.name = vscode.l10n.t('DW Workbench alerts');
    this.item.command = 'dwWorkbench.evaluateAlerts';
    ctx.subscriptions.push(ctx.projectState.onDidChange(() => this.schedule()));
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    const project = this.ctx.project;
    if (project?.config.alerts === undefined) {
      this.item.hide();
      return;
    }
    const minutes = vscode.workspace.getConfiguration('dwWorkbench').get<number>('alerts.refreshMinutes', 5);
    if (minutes > 0) this.timer = setInterval(() => void this.evaluate(false), minutes * 60_000);
    void this.evaluate(false);
  }

  /** One evaluation; `explicit` (the command) reports errors and the result, the timer only notifies changes. */
  async evaluate(explicit: boolean): Promise<AlertCycleResult | undefined> {
    const project = explicit ? await this.ctx.requireProject() : this.ctx.project;
    if (project === undefined || this.running) return undefined;
    this.running = true;
    try {
      const settings = alertSettings(project.config.alerts);
      const urls = new Map<string, string | undefined>();
      for (const w of settings.webhooks) urls.set(w.name, (await this.ctx.extension.secrets.get(webhookSecretKey(project, w.name))) ?? process.env[w.urlEnv]);
      const result = await runAlertCycle({
        engine: await this.ctx.connections.engine(project, 'dw'),
        settings,
        project: project.config.name,
        webhookUrl: (name) => urls.get(name),
      });
      this.show(result);
      for (const { event, delivered, reports } of result.events) {
        if (event.kind === 'opened') void vscode.window.showWarningMessage(vscode.l10n.t('Alert opened: {0} ({1}): {2}', event.entityName, event.rule, event.detail));
        if (event.kind === 'resolved') void vscode.window.showInformationMessage(vscode.l10n.t('Alert resolved: {0} ({1})', event.entityName, event.rule));
        if (!delivered) for (const r of reports) if (r.error !== undefined) this.ctx.log.warn(r.error);
      }
      if (explicit && result.open.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No open alert ({0} active entities).', result.entities));
      return result;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.ctx.log.warn(`alerts: ${message}`);
      if (explicit) void vscode.window.showErrorMessage(vscode.l10n.t('Alert evaluation failed: {0}', message));
      return undefined;
    } finally {
      this.running = false;
    }
  }

  private show(result: AlertCycleResult): void {
    const n = result.open.length;
    this.item.text = n === 0 ? '$(bell) 0' : `$(bell-dot) ${n}`;
    this.item.tooltip = n === 0 ? vscode.l10n.t('No open alert') : result.open.map((a) => `${a.entityName} · ${a.rule}: ${a.detail ?? ''}`).join('\n');
    this.item.backgroundColor = n === 0 ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  dispose(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.item.dispose();
  }
}

/** DW: Set Alert Webhook: keeps a webhook's URL in SecretStorage (never in the project file). */
export function setAlertWebhookCommand(ctx: DwContext): () => Promise<void> {
  return async () => {
    const project = await ctx.requireProject();
    if (project === undefined) return;
    const webhooks = alertSettings(project.config.alerts).webhooks;
    if (webhooks.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The project declares no webhook: add one under alerts.webhooks in dw-workbench.json.'));
      return;
    }
    const pick = webhooks.length === 1 ? webhooks[0] : (await vscode.window.showQuickPick(webhooks.map((w) => ({ label: w.name, description: w.kind, w }))))?.w;
    if (pick === undefined) return;
    const url = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Webhook URL for {0} ({1}); kept in SecretStorage', pick.name, pick.kind),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? undefined : vscode.l10n.t('An http(s) URL')),
    });
    if (url === undefined) return;
    await ctx.extension.secrets.store(webhookSecretKey(project, pick.name), url.trim());
    void vscode.window.showInformationMessage(vscode.l10n.t('Webhook URL for {0} saved.', pick.name));
  };
}
