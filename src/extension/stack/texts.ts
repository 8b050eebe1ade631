import * as vscode from 'vscode';
import type { StackPhase, StackStatus } from '../../core/stack/events';
import type { ProgressTexts } from './progress';

export function statusLabel(status: StackStatus): string {
  switch (status) {
    case 'down': return vscode.l10n.t('down');
    case 'starting': return vscode.l10n.t('starting');
    case 'healthy': return vscode.l10n.t('healthy');
    case 'unhealthy': return vscode.l10n.t('unhealthy');
  }
}

function phaseLabel(phase: StackPhase): string {
  switch (phase) {
    case 'checks': return vscode.l10n.t('Checking Docker, the port and the image');
    case 'pull': return vscode.l10n.t('Pulling the server image');
    case 'build': return vscode.l10n.t('Building the watch service image');
    case 'up': return vscode.l10n.t('Starting the containers');
    case 'health': return vscode.l10n.t('Waiting for the server to be healthy');
    case 'bootstrap': return vscode.l10n.t('Running the bootstrap plan');
    case 'connection': return vscode.l10n.t('Checking the connection');
    case 'watch': return vscode.l10n.t('Starting the watch service');
    case 'down': return vscode.l10n.t('Stopping the stack');
    case 'destroy': return vscode.l10n.t('Destroying the stack');
    case 'backup': return vscode.l10n.t('Backing up the databases');
    case 'restore': return vscode.l10n.t('Restoring the databases');
  }
}

export const progressTexts: ProgressTexts = {
  phase: phaseLabel,
  waiting: (service, status, seconds) => vscode.l10n.t('waiting for {0}: {1} ({2} s)', service, statusLabel(status), seconds),
  done: (phase, seconds) => vscode.l10n.t('{0}: done in {1} s', phaseLabel(phase), seconds),
};
